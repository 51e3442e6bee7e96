using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Sensing;

/// <summary>
/// What the registry says about a batch's plates: the registered vehicles of each plate read, and for a plate that is
/// not registered, the registered plates one look-alike character away (8/B, 0/D, 2/Z, 5/S, 1/I), best first.
/// Two queries a batch.
/// </summary>
public sealed class RegistryMatches
{
    public sealed record Vehicle(int Colour, string Fuel);

    private readonly Dictionary<string, List<Vehicle>> _registered;
    private readonly Dictionary<string, IReadOnlyList<string>> _lookalikes;

    private RegistryMatches(Dictionary<string, List<Vehicle>> registered, Dictionary<string, IReadOnlyList<string>> lookalikes)
    {
        _registered = registered;
        _lookalikes = lookalikes;
    }

    public static async Task<RegistryMatches> LoadAsync(MobileSourceDbContext db, IReadOnlyCollection<string> plates, CancellationToken ct)
    {
        if (plates.Count == 0 || !await db.Vehicles.AnyAsync(ct))
        {
            return new RegistryMatches([], []);
        }
        var rows = await db.Vehicles.AsNoTracking()
            .Where(v => plates.Contains(v.Plate))
            .Select(v => new { v.Plate, v.PlateColour, v.Fuel })
            .ToListAsync(ct);
        var registered = rows.GroupBy(r => r.Plate).ToDictionary(g => g.Key, g => g.Select(r => new Vehicle(r.PlateColour, r.Fuel)).ToList());

        // One substitution only: two would be ~100 variants a plate, and a reader rarely confuses two characters of one plate.
        var variants = plates.Where(p => !registered.ContainsKey(p))
            .ToDictionary(p => p, p => PlateLookalikes.Variants(p, maxSubstitutions: 1).Select(v => v.Candidate).ToList());
        var keys = variants.Values.SelectMany(v => v).Distinct().ToList();
        var existing = keys.Count == 0
            ? []
            : (await db.Vehicles.AsNoTracking().Where(v => keys.Contains(v.Plate)).Select(v => v.Plate).ToListAsync(ct)).ToHashSet();
        var lookalikes = variants
            .Select(kv => (kv.Key, Found: (IReadOnlyList<string>)kv.Value.Where(existing.Contains).ToList()))
            .Where(kv => kv.Found.Count > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Found);
        return new RegistryMatches(registered, lookalikes);
    }

    public IReadOnlyList<Vehicle> Registered(string plate) => _registered.TryGetValue(plate, out var vehicles) ? vehicles : [];

    /// <summary>Registered look-alikes of a plate that is itself not registered; empty otherwise.</summary>
    public IReadOnlyList<string> Lookalikes(string plate) => _lookalikes.TryGetValue(plate, out var found) ? found : [];
}
