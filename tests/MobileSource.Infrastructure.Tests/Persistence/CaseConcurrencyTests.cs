using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Tests.Persistence;

/// <summary>Two writers that loaded the same case: the second save fails instead of silently undoing the first.</summary>
public sealed class CaseConcurrencyTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mobilesource-cases-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_stale_case_cannot_overwrite_a_newer_transition()
    {
        var vehicle = new PlateIdentity(PlateNumber.Parse("豫F12345"), PlateColour.Yellow);
        var listedAt = DateTimeOffset.UtcNow.AddDays(-20);
        var id = Guid.NewGuid();
        await using (var setup = Open())
        {
            await setup.Database.MigrateAsync();
            setup.Cases.Add(EnforcementCase.Open(id, vehicle, ListingReason.RemoteSensingOverLimit, "R1, R2", listedAt, new BlacklistPolicy(), "system"));
            await setup.SaveChangesAsync();
        }

        await using var sweeper = Open();
        await using var station = Open();
        var staleForSweeper = await sweeper.Cases.SingleAsync(c => c.Id == id);
        var forStation = await station.Cases.SingleAsync(c => c.Id == id);

        forStation.RecordRepair(DateTimeOffset.UtcNow, "repair 1", "M-01");
        await station.SaveChangesAsync();
        staleForSweeper.MarkOverdueIfPastDeadline(DateTimeOffset.UtcNow, "system");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => sweeper.SaveChangesAsync());
        await using var read = Open();
        Assert.Equal(CaseState.Repaired, (await read.Cases.SingleAsync(c => c.Id == id)).State);
    }

    private MobileSourceDbContext Open()
    {
        var options = new DbContextOptionsBuilder<MobileSourceDbContext>();
        PersistenceSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_path}");
        return new MobileSourceDbContext(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
