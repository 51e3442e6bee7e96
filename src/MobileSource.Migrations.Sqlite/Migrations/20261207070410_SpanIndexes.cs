using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SpanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_measured_at_utc",
                table: "remote_sensing_readings",
                column: "measured_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_records_tested_at_utc",
                table: "inspection_records",
                column: "tested_at_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_remote_sensing_readings_measured_at_utc",
                table: "remote_sensing_readings");

            migrationBuilder.DropIndex(
                name: "IX_inspection_records_tested_at_utc",
                table: "inspection_records");
        }
    }
}
