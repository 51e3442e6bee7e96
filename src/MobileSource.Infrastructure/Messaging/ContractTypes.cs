using System.Text.Json;
using MobileSource.Contracts;

namespace MobileSource.Infrastructure.Messaging;

/// <summary>The message contracts by name, so an outbox row can be turned back into its message.</summary>
public static class ContractTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> ByName = typeof(VehicleListed).Assembly
        .GetExportedTypes()
        .Where(t => t.Namespace == typeof(VehicleListed).Namespace && t.IsClass)
        .ToDictionary(t => t.Name);

    /// <summary>
    /// Messages that enforcement must act on: published as mandatory, so on a broker where no consumer queue is bound
    /// yet (a fresh virtual host, consumers not started) RabbitMQ returns them and the outbox keeps the row and tries
    /// again, instead of the broker dropping them. The other contracts are notifications for optional subscribers.
    /// </summary>
    private static readonly HashSet<Type> MustReachAConsumer =
    [
        typeof(RemoteSensingReadingsJudged), typeof(CaptureConfirmed), typeof(ViolationRecorded),
        typeof(VehicleListed), typeof(FlaggedVehicleSighted),
    ];

    public static bool IsMandatory(Type type) => MustReachAConsumer.Contains(type);

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type)
            ? type
            : throw new InvalidOperationException($"Outbox message type '{name}' is not a known contract.");

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.Name) && ByName[type.Name] == type
            ? type.Name
            : throw new InvalidOperationException($"{type.FullName} is not a message contract in MobileSource.Contracts.");
}
