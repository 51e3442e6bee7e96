using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    key_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    created_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    revoked_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    subject = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    detail = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    remote_address = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enforcement_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    colour = table.Column<int>(type: "int", nullable: false),
                    reason = table.Column<int>(type: "int", nullable: false),
                    evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    listed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    deadline = table.Column<DateTime>(type: "datetime2", nullable: false),
                    state = table.Column<int>(type: "int", nullable: false),
                    repaired_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    repair_reference = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    delisted_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    delist_reference = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enforcement_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    plate = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    plate_colour = table.Column<int>(type: "int", nullable: false),
                    station = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    method = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    values_json = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    passed = table.Column<bool>(type: "bit", nullable: false),
                    failures = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    limit_set = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    tested_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_from = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    message_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    message_type = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    body = table.Column<string>(type: "nvarchar(max)", maxLength: 16000, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    dispatched_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    last_error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    parked_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "police_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    source_message_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    plate = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    plate_colour = table.Column<int>(type: "int", nullable: false),
                    reason = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    location = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    occurred_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_police_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processed_messages",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    message_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    processed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "registered_vehicles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    plate_colour = table.Column<int>(type: "int", nullable: false),
                    plate_type = table.Column<int>(type: "int", nullable: false),
                    vin = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    fuel = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: false),
                    emission_stage = table.Column<string>(type: "nvarchar(4)", maxLength: 4, nullable: true),
                    model = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    use_nature = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    vehicle_class = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    first_registered = table.Column<DateOnly>(type: "date", nullable: true),
                    owner = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    fleet_operator = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    is_key_fleet = table.Column<bool>(type: "bit", nullable: false),
                    obd_connected = table.Column<bool>(type: "bit", nullable: false),
                    content_hash = table.Column<long>(type: "bigint", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registered_vehicles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "remote_sensing_readings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    record_no = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    site_no = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    line_no = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    lane = table.Column<int>(type: "int", nullable: true),
                    measured_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    plate_raw = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    plate_colour = table.Column<int>(type: "int", nullable: true),
                    plate_confidence = table.Column<double>(type: "float", nullable: true),
                    fuel = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    co2_percent = table.Column<double>(type: "float", nullable: true),
                    co_percent = table.Column<double>(type: "float", nullable: true),
                    hc_ppm = table.Column<double>(type: "float", nullable: true),
                    no_ppm = table.Column<double>(type: "float", nullable: true),
                    opacity_percent = table.Column<double>(type: "float", nullable: true),
                    ringelmann = table.Column<double>(type: "float", nullable: true),
                    speed_mps = table.Column<double>(type: "float", nullable: true),
                    acceleration_mps2 = table.Column<double>(type: "float", nullable: true),
                    vsp = table.Column<double>(type: "float", nullable: true),
                    slope_degrees = table.Column<double>(type: "float", nullable: true),
                    wind_speed_mps = table.Column<double>(type: "float", nullable: true),
                    temperature_c = table.Column<double>(type: "float", nullable: true),
                    humidity_percent = table.Column<double>(type: "float", nullable: true),
                    pressure_kpa = table.Column<double>(type: "float", nullable: true),
                    outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    failed_pollutants = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    judgement_detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    needs_plate_review = table.Column<bool>(type: "bit", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_from = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_sensing_readings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "repair_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    plate = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    plate_colour = table.Column<int>(type: "int", nullable: false),
                    station = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    items = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    repaired_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_from = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repair_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "violations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    source_key = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    plate = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    plate_colour = table.Column<int>(type: "int", nullable: false),
                    reason = table.Column<int>(type: "int", nullable: false),
                    evidence = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    location = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    recorded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_violations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_transitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    from = table.Column<int>(type: "int", nullable: true),
                    to = table.Column<int>(type: "int", nullable: false),
                    actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    case_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_transitions", x => x.id);
                    table.ForeignKey(
                        name: "FK_case_transitions_enforcement_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "enforcement_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_key_hash",
                table: "api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_at_utc",
                table: "audit_entries",
                column: "at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_case_transitions_case_id",
                table: "case_transitions",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_plate_colour_state",
                table: "enforcement_cases",
                columns: new[] { "plate", "colour", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_enforcement_cases_state",
                table: "enforcement_cases",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_records_plate_plate_colour",
                table: "inspection_records",
                columns: new[] { "plate", "plate_colour" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_dispatched_at_utc",
                table: "outbox_messages",
                column: "dispatched_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_police_alerts_plate_plate_colour",
                table: "police_alerts",
                columns: new[] { "plate", "plate_colour" });

            migrationBuilder.CreateIndex(
                name: "IX_police_alerts_source_message_id",
                table: "police_alerts",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_registered_vehicles_fleet_operator",
                table: "registered_vehicles",
                column: "fleet_operator");

            migrationBuilder.CreateIndex(
                name: "IX_registered_vehicles_plate_plate_colour",
                table: "registered_vehicles",
                columns: new[] { "plate", "plate_colour" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_plate_measured_at_utc",
                table: "remote_sensing_readings",
                columns: new[] { "plate", "measured_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_site_no_record_no",
                table: "remote_sensing_readings",
                columns: new[] { "site_no", "record_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_repair_records_plate_plate_colour",
                table: "repair_records",
                columns: new[] { "plate", "plate_colour" });

            migrationBuilder.CreateIndex(
                name: "IX_violations_plate_plate_colour",
                table: "violations",
                columns: new[] { "plate", "plate_colour" });

            migrationBuilder.CreateIndex(
                name: "IX_violations_source_key",
                table: "violations",
                column: "source_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "case_transitions");

            migrationBuilder.DropTable(
                name: "inspection_records");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "police_alerts");

            migrationBuilder.DropTable(
                name: "processed_messages");

            migrationBuilder.DropTable(
                name: "registered_vehicles");

            migrationBuilder.DropTable(
                name: "remote_sensing_readings");

            migrationBuilder.DropTable(
                name: "repair_records");

            migrationBuilder.DropTable(
                name: "violations");

            migrationBuilder.DropTable(
                name: "enforcement_cases");
        }
    }
}
