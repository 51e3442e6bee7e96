using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RemoteSensingSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "judged_at_utc",
                table: "remote_sensing_readings",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "not_for_enforcement_reason",
                table: "remote_sensing_readings",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "remote_sensing_sites",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    site_no = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    address = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    longitude = table.Column<double>(type: "float", nullable: true),
                    latitude = table.Column<double>(type: "float", nullable: true),
                    lanes = table.Column<int>(type: "int", nullable: false),
                    diesel_opacity_percent = table.Column<double>(type: "float", nullable: true),
                    diesel_no_ppm = table.Column<double>(type: "float", nullable: true),
                    gasoline_co_percent = table.Column<double>(type: "float", nullable: true),
                    gasoline_no_ppm = table.Column<double>(type: "float", nullable: true),
                    gasoline_hc_ppm = table.Column<double>(type: "float", nullable: true),
                    registered_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_sensing_sites", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "remote_sensing_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    site_id = table.Column<long>(type: "bigint", nullable: false),
                    line_no = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    instrument_serial = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    calibrated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    calibration_valid_until = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_sensing_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_remote_sensing_lines_remote_sensing_sites_site_id",
                        column: x => x.site_id,
                        principalTable: "remote_sensing_sites",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_processed_messages_processed_at_utc",
                table: "processed_messages",
                column: "processed_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_lines_site_id_line_no",
                table: "remote_sensing_lines",
                columns: new[] { "site_id", "line_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_sites_site_no",
                table: "remote_sensing_sites",
                column: "site_no",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "remote_sensing_lines");

            migrationBuilder.DropTable(
                name: "remote_sensing_sites");

            migrationBuilder.DropIndex(
                name: "IX_processed_messages_processed_at_utc",
                table: "processed_messages");

            migrationBuilder.DropColumn(
                name: "judged_at_utc",
                table: "remote_sensing_readings");

            migrationBuilder.DropColumn(
                name: "not_for_enforcement_reason",
                table: "remote_sensing_readings");
        }
    }
}
