namespace MobileSource.Infrastructure.Persistence;

/// <summary>Configured with <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
