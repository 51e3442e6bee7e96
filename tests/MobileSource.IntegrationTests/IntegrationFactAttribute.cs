namespace MobileSource.IntegrationTests;

/// <summary>
/// A test that needs the real PostgreSQL and RabbitMQ. Skipped, saying why, only when the connection
/// variables are not set (a developer without the services); .ci/run always sets them.
/// </summary>
public sealed class IntegrationFactAttribute : FactAttribute
{
    public IntegrationFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Services.PostgresVariable))
            || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Services.RabbitMqVariable)))
        {
            Skip = $"Set {Services.PostgresVariable} and {Services.RabbitMqVariable} (scripts/start-services.sh prints them).";
        }
    }
}
