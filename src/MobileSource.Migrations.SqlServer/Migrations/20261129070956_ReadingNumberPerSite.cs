using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReadingNumberPerSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_remote_sensing_readings_record_no",
                table: "remote_sensing_readings");

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_site_no_record_no",
                table: "remote_sensing_readings",
                columns: new[] { "site_no", "record_no" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_remote_sensing_readings_site_no_record_no",
                table: "remote_sensing_readings");

            migrationBuilder.CreateIndex(
                name: "IX_remote_sensing_readings_record_no",
                table: "remote_sensing_readings",
                column: "record_no",
                unique: true);
        }
    }
}
