namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>The server's answer to one record: accepted, duplicate or rejected, and for an accepted one its judgement.</summary>
public sealed record RsdAck(string Status, string? Outcome, string? Error);

/// <summary>How records reach the server. Implementations acknowledge a record only on the server's answer for it.</summary>
public interface IRsdTransport : IAsyncDisposable
{
    /// <summary>Sends records, returning one answer each, in order; throws when the server could not be reached or failed.</summary>
    Task<IReadOnlyList<RsdAck>> SendAsync(IReadOnlyList<RsdRecord> records, CancellationToken ct);
}
