using System.Data.Common;
using System.Text;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Registry;
using Microsoft.EntityFrameworkCore;
using static MobileSource.Infrastructure.Tests.Registry.RegistryFiles;

namespace MobileSource.Infrastructure.Tests.Registry;

/// <summary>
/// The importer's behaviour, run against each real database by <see cref="SqliteRegistryImporterTests"/> and
/// <see cref="PostgresRegistryImporterTests"/>. Each test gets a fresh, migrated database.
/// </summary>
public sealed class RegistryImporterScenarios(RegistryTestDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstImport = new(2026, 11, 20, 1, 2, 3, TimeSpan.Zero);
    private readonly FixedTime _time = new(FirstImport);

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    private async Task<RegistryImportResult> ImportAsync(string csv) => await ImportAsync(Utf8(csv));

    private async Task<RegistryImportResult> ImportAsync(Stream csv)
    {
        await using var connection = database.NewConnection();
        return await new RegistryImporter(connection, _time).ImportAsync(csv, CancellationToken.None);
    }

    private async Task<List<RegisteredVehicle>> StoredAsync()
    {
        await using var db = database.NewContext();
        return await db.Vehicles.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
    }

    public async Task Inserts_new_vehicles_as_the_model_reads_them()
    {
        var result = await ImportAsync(CsvWith(Header + ",yyqy,zdjg,obdlw",
            HeavyTruck + ",鹤壁市宏达物流有限公司,1,1",
            SmallCar + ",,,",
            "豫FD12345,绿,,,C,,,,,,,,"));

        Assert.Equal((3, 3, 0, 0, 0), (result.RowsRead, result.Inserted, result.Updated, result.Unchanged, result.RejectedCount));
        var stored = await StoredAsync();
        Assert.Equal(["豫F12345", "豫FA8888", "豫FD12345"], stored.Select(v => v.Plate));

        var truck = stored[0];
        Assert.Equal((2, 1, "B", "3"), (truck.PlateColour, truck.PlateType, truck.Fuel, truck.EmissionStage));
        Assert.Equal(("LFWSRXRJ5HAA00001", "CA4250P66K24T1E5", "B"), (truck.Vin, truck.Model, truck.UseNature));
        Assert.Equal(new DateOnly(2012, 5, 17), truck.FirstRegistered);
        Assert.Equal(("鹤壁市宏达物流有限公司", "鹤壁市宏达物流有限公司"), (truck.Owner, truck.FleetOperator));
        Assert.True(truck.IsKeyFleet && truck.ObdConnected);
        Assert.NotEqual(0, truck.ContentHash);
        Assert.Equal(FirstImport.UtcDateTime, DateTime.SpecifyKind(truck.UpdatedAtUtc, DateTimeKind.Utc));

        Assert.Equal("6b", stored[1].EmissionStage);
        var electric = stored[2];
        Assert.Equal((5, 52, "C"), (electric.PlateColour, electric.PlateType, electric.Fuel));
        Assert.Null(electric.EmissionStage);
        Assert.Null(electric.FirstRegistered);
        Assert.Null(electric.Owner);
    }

    public async Task Reimporting_the_same_file_changes_nothing()
    {
        var csv = Csv(HeavyTruck, SmallCar, BlackSmokeBus);
        await ImportAsync(csv);
        var before = await StoredAsync();

        _time.Now = FirstImport.AddDays(1);
        var again = await ImportAsync(csv);

        Assert.Equal((3, 0, 0, 3, 0), (again.RowsRead, again.Inserted, again.Updated, again.Unchanged, again.RejectedCount));
        var after = await StoredAsync();
        Assert.Equal(before.Select(v => (v.Id, v.ContentHash, v.UpdatedAtUtc)), after.Select(v => (v.Id, v.ContentHash, v.UpdatedAtUtc)));
    }

    public async Task A_changed_vehicle_is_updated_a_new_one_inserted_and_the_rest_left_alone()
    {
        await ImportAsync(Csv(HeavyTruck, SmallCar));
        var before = await StoredAsync();

        _time.Now = FirstImport.AddDays(1);
        var changedTruck = HeavyTruck.Replace("国III", "国V").Replace("鹤壁市宏达物流有限公司", "鹤壁市新宏达物流有限公司");
        var result = await ImportAsync(Csv(changedTruck, SmallCar, BlackSmokeBus));

        Assert.Equal((3, 1, 1, 1), (result.RowsRead, result.Inserted, result.Updated, result.Unchanged));
        var after = await StoredAsync();
        Assert.Equal(3, after.Count);
        var truck = after.Single(v => v.Plate == "豫F12345");
        Assert.Equal(before[0].Id, truck.Id);
        Assert.Equal(("5", "鹤壁市新宏达物流有限公司"), (truck.EmissionStage, truck.Owner));
        Assert.NotEqual(before[0].ContentHash, truck.ContentHash);
        Assert.Equal(_time.Now.UtcDateTime, DateTime.SpecifyKind(truck.UpdatedAtUtc, DateTimeKind.Utc));
        var car = after.Single(v => v.Plate == "豫FA8888");
        Assert.Equal(before[1].UpdatedAtUtc, car.UpdatedAtUtc);
    }

    public async Task Bad_rows_stay_out_while_the_good_ones_go_in()
    {
        var result = await ImportAsync(Csv(
            HeavyTruck,
            "豫F1234,黄,01,,B,国III,,,,",
            SmallCar,
            "豫F23456,黄,01,,B,国III,,,2012-02-30,",
            HeavyTruck.Replace("鹤壁市宏达物流有限公司", "某人")));

        Assert.Equal((5, 2, 3), (result.RowsRead, result.Inserted, result.RejectedCount));
        Assert.Equal([(3, "hphm"), (5, "ccdjrq"), (6, "hphm")], result.Rejected.Select(e => (e.Line, e.Field)));
        Assert.Equal(["豫F12345", "豫FA8888"], (await StoredAsync()).Select(v => v.Plate));
        Assert.Equal("鹤壁市宏达物流有限公司", (await StoredAsync())[0].Owner);
    }

    public async Task A_file_error_leaves_the_table_as_it_was()
    {
        await ImportAsync(Csv(HeavyTruck));
        var before = await StoredAsync();

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(Csv(HeavyTruck.Replace("国III", "国IV"), SmallCar)));
        bytes.AddRange([0xBA, 0xD7, 0xB1, 0xDA, 0x0A]); // 鹤壁 in GBK
        var e = await Assert.ThrowsAsync<RegistryFileException>(() => ImportAsync(new MemoryStream(bytes.ToArray())));

        Assert.StartsWith("file is not UTF-8 (save it as UTF-8)", e.Message);
        var after = await StoredAsync();
        Assert.Equal(before.Select(v => (v.Id, v.Plate, v.EmissionStage)), after.Select(v => (v.Id, v.Plate, v.EmissionStage)));
    }

    public async Task A_database_failure_midway_writes_nothing()
    {
        await ImportAsync(Csv(HeavyTruck));
        var before = await StoredAsync();
        await database.RefusePlateAsync("豫F00005"); // in the first batch, while the reader is still busy
        var many = Enumerable.Range(0, 25_000).Select(i => $"豫F{i:00000},蓝,02,,A,国V,,,,");

        var file = Csv([HeavyTruck.Replace("国III", "国IV"), .. many, SmallCar, BlackSmokeBus]);
        await Assert.ThrowsAnyAsync<DbException>(() => ImportAsync(file));

        var after = await StoredAsync();
        Assert.Equal(before.Select(v => (v.Id, v.Plate, v.EmissionStage)), after.Select(v => (v.Id, v.Plate, v.EmissionStage)));
    }

    public async Task A_missing_required_column_writes_nothing()
    {
        var e = await Assert.ThrowsAsync<RegistryFileException>(() => ImportAsync(CsvWith("hphm,cpys,syr", "豫F12345,黄,甲")));

        Assert.Equal("rlzl", e.Error.Field);
        Assert.Empty(await StoredAsync());
    }

    public async Task The_rejected_list_is_capped_but_every_row_is_counted()
    {
        var bad = Enumerable.Range(0, 1_200).Select(i => $"豫F{i:00000},紫,01,,B,,,,,").ToArray();

        var result = await ImportAsync(Csv([HeavyTruck, .. bad]));

        Assert.Equal((1_201, 1, 1_200), (result.RowsRead, result.Inserted, result.RejectedCount));
        Assert.Equal(RegistryImporter.MaxRejectedListed, result.Rejected.Count);
        Assert.Equal(3, result.Rejected[0].Line);
    }

    public async Task Many_rows_insert_and_update_across_batches()
    {
        static string Row(int i, string owner) => $"豫F{i:00000},黄,01,LFWSRXRJ5HA{i:000000},B,国III,CA4250,B,2012-05-17,{owner}";
        const int count = 25_000;
        var first = await ImportAsync(Csv(Enumerable.Range(0, count).Select(i => Row(i, "甲")).ToArray()));
        Assert.Equal(count, first.Inserted);

        var second = await ImportAsync(Csv(Enumerable.Range(0, count + 100).Select(i => Row(i, i % 2 == 0 ? "乙" : "甲")).ToArray()));

        Assert.Equal((100, count / 2, count / 2), (second.Inserted, second.Updated, second.Unchanged));
        var stored = await StoredAsync();
        Assert.Equal(count + 100, stored.Count);
        Assert.Equal(count / 2 + 50, stored.Count(v => v.Owner == "乙"));
    }

    public async Task A_closed_connection_is_opened_and_closed_again()
    {
        await using var connection = database.NewConnection();

        var result = await new RegistryImporter(connection, _time).ImportAsync(Utf8(Csv(HeavyTruck)), CancellationToken.None);

        Assert.Equal(1, result.Inserted);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }
}
