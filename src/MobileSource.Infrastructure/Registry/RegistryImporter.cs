using System.Data;
using System.Data.Common;
using MobileSource.Infrastructure.Registry.Writers;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Imports a registry export (see <see cref="RegistryCsvReader"/>) into registered_vehicles: upsert by plate + colour.
/// A vehicle whose content hash matches the stored one is left alone, so re-importing a file writes nothing.
/// The whole import is one transaction: a database failure or a file-level error (<see cref="RegistryFileException"/>)
/// leaves the table as it was; rejected rows do not stop the others.
/// Takes a SQLite, PostgreSQL or SQL Server connection (opened here if closed, and then closed again) that has no
/// transaction of its own; the importer begins and commits one. It never creates tables: run the migrations first.
/// </summary>
public sealed class RegistryImporter(DbConnection connection, TimeProvider time)
{
    /// <summary>At most this many errors are listed in the result; every rejected row is still counted.</summary>
    public const int MaxRejectedListed = 1000;

    private const int BatchSize = 10_000;
    private const int BatchesInFlight = 2;

    public async Task<RegistryImportResult> ImportAsync(Stream csv, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var openedHere = connection.State != ConnectionState.Open;
        if (openedHere)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var result = await ImportAsync(csv, transaction, ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (openedHere)
            {
                await connection.CloseAsync();
            }
        }
    }

    private async Task<RegistryImportResult> ImportAsync(Stream csv, DbTransaction transaction, CancellationToken ct)
    {
        await using var writer = RegistryWriters.For(connection, transaction, time.GetUtcNow().UtcDateTime);
        await writer.BeginAsync(ct);
        var classifier = new RowClassifier(await ExistingVehicles.LoadAsync(connection, transaction, ct), BatchSize);

        await Pipeline.RunAsync<StagedBatch>(
            (batches, stop) => classifier.ClassifyAsync(csv, batches, stop),
            (batch, stop) => batch.AreUpdates ? writer.UpdateAsync(batch.Vehicles, stop) : writer.InsertAsync(batch.Vehicles, stop),
            BatchesInFlight, ct);

        await writer.CompleteAsync(ct);
        return classifier.Tally.ToResult();
    }
}
