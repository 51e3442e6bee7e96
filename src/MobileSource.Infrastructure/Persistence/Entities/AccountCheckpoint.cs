namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A place an officer's live board covers (the "where" of police alerts); an officer with none sees every place.</summary>
public sealed class AccountCheckpoint
{
    public string AccountId { get; set; } = "";
    public string Place { get; set; } = "";
}
