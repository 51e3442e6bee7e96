namespace MobileSource.Infrastructure.Tests.Registry;

/// <summary>The importer on a real SQLite file database.</summary>
public sealed class SqliteRegistryImporterTests : IAsyncLifetime
{
    private readonly RegistryImporterScenarios _scenarios = new(new SqliteRegistryDatabase());

    public Task InitializeAsync() => _scenarios.InitializeAsync();

    public Task DisposeAsync() => _scenarios.DisposeAsync();

    [Fact]
    public Task Inserts_new_vehicles_as_the_model_reads_them() => _scenarios.Inserts_new_vehicles_as_the_model_reads_them();

    [Fact]
    public Task Reimporting_the_same_file_changes_nothing() => _scenarios.Reimporting_the_same_file_changes_nothing();

    [Fact]
    public Task A_changed_vehicle_is_updated_a_new_one_inserted_and_the_rest_left_alone() => _scenarios.A_changed_vehicle_is_updated_a_new_one_inserted_and_the_rest_left_alone();

    [Fact]
    public Task Bad_rows_stay_out_while_the_good_ones_go_in() => _scenarios.Bad_rows_stay_out_while_the_good_ones_go_in();

    [Fact]
    public Task A_file_error_leaves_the_table_as_it_was() => _scenarios.A_file_error_leaves_the_table_as_it_was();

    [Fact]
    public Task A_database_failure_midway_writes_nothing() => _scenarios.A_database_failure_midway_writes_nothing();

    [Fact]
    public Task A_missing_required_column_writes_nothing() => _scenarios.A_missing_required_column_writes_nothing();

    [Fact]
    public Task The_rejected_list_is_capped_but_every_row_is_counted() => _scenarios.The_rejected_list_is_capped_but_every_row_is_counted();

    [Fact]
    public Task Many_rows_insert_and_update_across_batches() => _scenarios.Many_rows_insert_and_update_across_batches();

    [Fact]
    public Task A_closed_connection_is_opened_and_closed_again() => _scenarios.A_closed_connection_is_opened_and_closed_again();
}
