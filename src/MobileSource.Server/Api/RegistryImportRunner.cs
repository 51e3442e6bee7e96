using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Server.Api;

public sealed record RegistryImportOutcome(RegistryImportResult? Result, RegistryFileError? FileError);

/// <summary>Runs a registry import on the request's database connection and audits who imported what.</summary>
public sealed class RegistryImportRunner(MobileSourceDbContext db, TimeProvider clock, ILogger<RegistryImportRunner> logger)
{
    public async Task<RegistryImportOutcome> ImportAsync(Stream csv, string actor, string? remoteAddress, CancellationToken ct)
    {
        RegistryImportResult result;
        // Opened through EF so the connection gets the same set-up (SQLite pragmas) as every other one.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            result = await new RegistryImporter(db.Database.GetDbConnection(), clock).ImportAsync(csv, ct);
        }
        catch (RegistryFileException ex)
        {
            logger.LogWarning("Registry import by {Actor} refused: {Reason}", actor, ex.Error.Reason);
            return new RegistryImportOutcome(null, ex.Error);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        db.Audit.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = "registry.imported",
            Subject = "registered_vehicles",
            Detail = $"{result.RowsRead} rows: {result.Inserted} inserted, {result.Updated} updated, {result.Unchanged} unchanged, {result.RejectedCount} rejected",
            RemoteAddress = remoteAddress,
        });
        await db.SaveChangesAsync(ct);
        return new RegistryImportOutcome(result, null);
    }
}
