using System.Diagnostics;
using Npgsql;

namespace MobileSource.IntegrationTests;

/// <summary>
/// A throwaway PostgreSQL database and RabbitMQ virtual host per fixture, so runs never see each other's
/// rows or messages, and the broker outage switch.
/// </summary>
public sealed class Services : IAsyncLifetime
{
    public const string PostgresVariable = "MOBILESOURCE_TEST_POSTGRES";
    public const string RabbitMqVariable = "MOBILESOURCE_TEST_RABBITMQ";

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    public string DatabaseName => $"mobilesource_it_{_suffix}";
    public string VirtualHost => $"mobilesource-it-{_suffix}";
    public bool Available { get; private set; }

    public string PostgresConnection =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = DatabaseName }.ConnectionString;

    public Uri RabbitMqUri
    {
        get
        {
            var builder = new UriBuilder(Environment.GetEnvironmentVariable(RabbitMqVariable)!) { Path = "/" + VirtualHost };
            return builder.Uri;
        }
    }

    public IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:MobileSource"] = PostgresConnection,
        ["Bus:Transport"] = "RabbitMq",
        ["ConnectionStrings:RabbitMq"] = RabbitMqUri.ToString(),
    };

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
        var user = Uri.UnescapeDataString(new Uri(Environment.GetEnvironmentVariable(RabbitMqVariable)!).UserInfo.Split(':')[0]);
        await RabbitMqCtlAsync("add_vhost", VirtualHost);
        await RabbitMqCtlAsync("set_permissions", "-p", VirtualHost, user, ".*", ".*", ".*");
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
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await RabbitMqCtlAsync("delete_vhost", VirtualHost);
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
