namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>An API key for a station, device or user. Only the SHA-256 of the key is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string KeyHash { get; set; } = "";
    /// <summary>First characters of the key, to tell keys apart in lists.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAtUtc { get; set; }
}
