using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MobileSource.Tests.Shared;

/// <summary>
/// The real server in-process. Defaults to the embedded setup (its own SQLite file, in-memory bus);
/// <paramref name="settings"/> switch it to PostgreSQL and RabbitMQ.
/// </summary>
public sealed class ServerFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key";
    private readonly string _directory = Directory.CreateTempSubdirectory("mobilesource-test-").FullName;

    public string SqlitePath => Path.Combine(_directory, "mobilesource.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:MobileSource", $"Data Source={SqlitePath}");
        builder.UseSetting("Bus:Transport", "InMemory");
        builder.UseSetting("Auth:BootstrapApiKey", AdminKey);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Outbox:PublishTimeout", "00:00:03");
        builder.UseSetting("Outbox:MaxBackoff", "00:00:01");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the OS cleans its temp folder.
        }
    }
}
