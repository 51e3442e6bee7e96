using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// The server's log, when MOBILESOURCE_TEST_LOGS names a folder (CI sets it): one file per server instance,
    /// kept after the test so a failure can be explained.
    /// </summary>
    public string? LogPath { get; } = Environment.GetEnvironmentVariable("MOBILESOURCE_TEST_LOGS") is { Length: > 0 } logs
        ? Path.Combine(Directory.CreateDirectory(logs).FullName, $"server-{DateTime.UtcNow:HHmmss}-{Guid.NewGuid():N}.log")
        : null;

    /// <summary>The last lines of the server's log (warnings and errors first), for a failure message.</summary>
    public string LogTail(int lines = 60)
    {
        if (LogPath is null || !File.Exists(LogPath))
        {
            return "(no server log: set MOBILESOURCE_TEST_LOGS to a folder)";
        }
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var all = new StreamReader(stream).ReadToEnd().Split('\n');
        var problems = all.Where(l => l.Contains(" Warning ") || l.Contains(" Error ") || l.Contains(" Critical ")).TakeLast(lines / 2);
        return $"server log {LogPath}\n-- warnings and errors --\n{string.Join('\n', problems)}\n-- last lines --\n{string.Join('\n', all.TakeLast(lines / 2))}";
    }

    /// <summary>The port of the device line protocol (TCP), once the server listens.</summary>
    public Task<int> DeviceLinePortAsync()
    {
        _ = Server; // starts the host
        return Services.GetRequiredService<MobileSource.Server.Streaming.ReadingLineListener>().Port.WaitAsync(TimeSpan.FromSeconds(30));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development (scripts/run.sh): a singleton that takes a scoped service fails at start, not in production.
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
        if (LogPath is not null)
        {
            builder.ConfigureLogging(logging => logging
                .AddProvider(new FileLoggerProvider(LogPath))
                .AddFilter<FileLoggerProvider>("MassTransit", LogLevel.Debug)
                .AddFilter<FileLoggerProvider>("MobileSource", LogLevel.Debug));
        }
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:MobileSource", $"Data Source={SqlitePath}");
        builder.UseSetting("Bus:Transport", "InMemory");
        builder.UseSetting("Auth:BootstrapApiKey", AdminKey);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Outbox:PublishTimeout", "00:00:03");
        builder.UseSetting("Outbox:MaxBackoff", "00:00:01");
        // The device line protocol on a port of the system's choosing: see DeviceLinePort.
        builder.UseSetting("Sensing:Tcp:Enabled", "true");
        builder.UseSetting("Sensing:Tcp:Port", "0");
        // Tests sign in far more often than people do, all from one address.
        builder.UseSetting("Accounts:SignInsPerMinutePerAddress", "100000");
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
