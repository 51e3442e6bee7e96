using System.Threading.Channels;

namespace MobileSource.Infrastructure.Registry;

/// <summary>
/// Reads the file and sorts each valid vehicle into new (insert), changed (update) or unchanged by comparing its
/// content hash with the stored one; hands the inserts and updates on in batches and counts everything in <see cref="Tally"/>.
/// </summary>
internal sealed class RowClassifier(ExistingVehicles existing, int batchSize)
{
    private List<StagedVehicle> _inserts = new(batchSize);
    private List<StagedVehicle> _updates = new(batchSize);

    public ImportTally Tally { get; } = new();

    public async Task ClassifyAsync(Stream csv, ChannelWriter<StagedBatch> batches, CancellationToken ct)
    {
        await foreach (var row in RegistryCsvReader.ReadAsync(csv, ct))
        {
            Tally.RowsRead++;
            if (row.Vehicle is not { } vehicle)
            {
                Tally.Reject(row.Errors);
                continue;
            }
            var hash = VehicleContentHash.Of(vehicle);
            if (!existing.TryFind(vehicle, out var id, out var storedHash))
            {
                _inserts.Add(new StagedVehicle(0, vehicle, hash));
                Tally.Inserted++;
            }
            else if (storedHash != hash)
            {
                _updates.Add(new StagedVehicle(id, vehicle, hash));
                Tally.Updated++;
            }
            else
            {
                Tally.Unchanged++;
            }
            await HandOnAsync(batches, batchSize, ct);
        }
        await HandOnAsync(batches, 1, ct);
    }

    private async ValueTask HandOnAsync(ChannelWriter<StagedBatch> batches, int atLeast, CancellationToken ct)
    {
        if (_inserts.Count >= atLeast)
        {
            await batches.WriteAsync(new StagedBatch(AreUpdates: false, _inserts), ct);
            _inserts = new List<StagedVehicle>(batchSize);
        }
        if (_updates.Count >= atLeast)
        {
            await batches.WriteAsync(new StagedBatch(AreUpdates: true, _updates), ct);
            _updates = new List<StagedVehicle>(batchSize);
        }
    }
}
