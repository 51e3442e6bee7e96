using Microsoft.AspNetCore.Identity;

namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A person who signs in with a password (ASP.NET Core Identity); devices and station software use API keys.</summary>
public sealed class Account : IdentityUser
{
    /// <summary>How the person is shown in the consoles and the audit (e.g. "王警官, 淇滨卡口").</summary>
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";
}
