using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReadingsSpanIndexBrin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_remote_sensing_readings_measured_at_utc",
                table: "remote_sensing_readings");

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_measured_at_utc",
                table: "remote_sensing_readings",
                column: "measured_at_utc")
                .Annotation("Npgsql:IndexMethod", "brin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_remote_sensing_readings_measured_at_utc",
                table: "remote_sensing_readings");

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_measured_at_utc",
                table: "remote_sensing_readings",
                column: "measured_at_utc");
        }
    }
}
