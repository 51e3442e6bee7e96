using System.Diagnostics;
using Npgsql;

namespace MobileSource.IntegrationTests;

/// <summary>
/// A throwaway PostgreSQL database per fixture and a RabbitMQ virtual host per server instance, so runs never
/// see each other's rows or messages, and the broker and database outage switches.
/// </summary>
/// <remarks>
/// Why a virtual host per server: a bus stopped while the broker is down keeps reconnecting in the background
/// (MassTransit issue 2275). In a real deployment the process exits; in these tests the disposed server lives on
/// in the test process, comes back with the broker, and as a competing consumer took the next test's messages
/// and faulted them ("Cannot access a disposed object: IServiceProvider") into the error queue. That was the
/// cause of the broker- and database-outage tests' rare CI failures.
/// </remarks>
public sealed class Services : IAsyncLifetime
{
    public const string PostgresVariable = "MOBILESOURCE_TEST_POSTGRES";
    public const string RabbitMqVariable = "MOBILESOURCE_TEST_RABBITMQ";

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    public string DatabaseName => $"mobilesource_it_{_suffix}";
    private string VirtualHostPrefix => $"mobilesource-it-{_suffix}";
    public bool Available { get; private set; }

    public string PostgresConnection =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = DatabaseName }.ConnectionString;

    private readonly List<string> _extraVirtualHosts = [];

    /// <summary>Settings for one more server instance: the fixture's database, a virtual host of its own.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NewServerSettingsAsync()
    {
        var virtualHost = $"{VirtualHostPrefix}-{_extraVirtualHosts.Count + 1}";
        await AddVirtualHostAsync(virtualHost);
        _extraVirtualHosts.Add(virtualHost);
        return SettingsFor(virtualHost);
    }

    private Dictionary<string, string> SettingsFor(string virtualHost) => new()
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:MobileSource"] = PostgresConnection,
        ["Bus:Transport"] = "RabbitMq",
        ["ConnectionStrings:RabbitMq"] = new UriBuilder(Environment.GetEnvironmentVariable(RabbitMqVariable)!) { Path = "/" + virtualHost }.Uri.ToString(),
    };

    private static async Task AddVirtualHostAsync(string virtualHost)
    {
        var user = Uri.UnescapeDataString(new Uri(Environment.GetEnvironmentVariable(RabbitMqVariable)!).UserInfo.Split(':')[0]);
        await RabbitMqCtlAsync("add_vhost", virtualHost);
        await RabbitMqCtlAsync("set_permissions", "-p", virtualHost, user, ".*", ".*", ".*");
    }

    public async Task InitializeAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RabbitMqVariable)))
        {
            return;
        }
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
        }
        Available = true;
    }

    public async Task DisposeAsync()
    {
        if (!Available)
        {
            return;
        }
        await StartBrokerAsync();
        await StartDatabaseAsync();
        await PostgresDatabases.DropAsync(Environment.GetEnvironmentVariable(PostgresVariable)!, DatabaseName);
        foreach (var virtualHost in _extraVirtualHosts)
        {
            await RabbitMqCtlAsync("delete_vhost", virtualHost);
        }
    }

    /// <summary>Stops the RabbitMQ application: connections drop and the port refuses new ones.</summary>
    public Task StopBrokerAsync() => RunAsync("bash", ScriptPath("rabbitmq-ctl.sh"), "stop");

    public Task StartBrokerAsync() => RunAsync("bash", ScriptPath("rabbitmq-ctl.sh"), "start");

    /// <summary>Stops PostgreSQL (fast shutdown): every open connection breaks.</summary>
    public Task StopDatabaseAsync() => RunAsync("bash", ScriptPath("postgres-ctl.sh"), "stop");

    public Task StartDatabaseAsync() => RunAsync("bash", ScriptPath("postgres-ctl.sh"), "start");

    private static Task RabbitMqCtlAsync(params string[] args) => RunAsync("rabbitmqctl", ["-q", .. args]);

    private static string ScriptPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"scripts/{name} not found above {AppContext.BaseDirectory}");
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
