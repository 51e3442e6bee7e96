using MobileSource.Infrastructure.Registry;
using Npgsql;
using static MobileSource.Infrastructure.Tests.Registry.RegistryFiles;

namespace MobileSource.Infrastructure.Tests.Registry;

/// <summary>The importer on a real PostgreSQL database of its own (MOBILESOURCE_TEST_POSTGRES).</summary>
public sealed class PostgresRegistryImporterTests : IAsyncLifetime
{
    private readonly PostgresRegistryDatabase _database = new();
    private readonly RegistryImporterScenarios _scenarios;

    public PostgresRegistryImporterTests() => _scenarios = new(_database);

    public Task InitializeAsync() => _scenarios.InitializeAsync();

    public Task DisposeAsync() => _scenarios.DisposeAsync();

    [PostgresFact]
    public Task Inserts_new_vehicles_as_the_model_reads_them() => _scenarios.Inserts_new_vehicles_as_the_model_reads_them();

    [PostgresFact]
    public Task Reimporting_the_same_file_changes_nothing() => _scenarios.Reimporting_the_same_file_changes_nothing();

    [PostgresFact]
    public Task A_changed_vehicle_is_updated_a_new_one_inserted_and_the_rest_left_alone() => _scenarios.A_changed_vehicle_is_updated_a_new_one_inserted_and_the_rest_left_alone();

    [PostgresFact]
    public Task Bad_rows_stay_out_while_the_good_ones_go_in() => _scenarios.Bad_rows_stay_out_while_the_good_ones_go_in();

    [PostgresFact]
    public Task A_file_error_leaves_the_table_as_it_was() => _scenarios.A_file_error_leaves_the_table_as_it_was();

    [PostgresFact]
    public Task A_database_failure_midway_writes_nothing() => _scenarios.A_database_failure_midway_writes_nothing();

    [PostgresFact]
    public Task A_missing_required_column_writes_nothing() => _scenarios.A_missing_required_column_writes_nothing();

    [PostgresFact]
    public Task The_rejected_list_is_capped_but_every_row_is_counted() => _scenarios.The_rejected_list_is_capped_but_every_row_is_counted();

    [PostgresFact]
    public Task Many_rows_insert_and_update_across_batches() => _scenarios.Many_rows_insert_and_update_across_batches();

    [PostgresFact]
    public Task A_closed_connection_is_opened_and_closed_again() => _scenarios.A_closed_connection_is_opened_and_closed_again();

    [PostgresFact]
    public async Task The_planner_knows_the_imported_vehicles_once_the_import_commits()
    {
        // Until autovacuum analysed the table (up to a minute later), lookups by plate were planned for the table as it was
        // before the import: after a first import, a whole-registry scan for every remote-sensing batch.
        const int count = 5_000;
        await using (var connection = _database.NewConnection())
        {
            var csv = Csv(Enumerable.Range(0, count).Select(i => $"豫F{i:00000},黄,01,LFWSRXRJ5HA{i:000000},B,国III,CA4250,B,2012-05-17,甲").ToArray());
            await new RegistryImporter(connection, TimeProvider.System).ImportAsync(Utf8(csv), CancellationToken.None);
        }

        await using var check = (NpgsqlConnection)_database.NewConnection();
        await check.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT reltuples FROM pg_class WHERE relname = 'registered_vehicles'", check);
        Assert.Equal(count, Convert.ToDouble(await command.ExecuteScalarAsync()));
    }
}
