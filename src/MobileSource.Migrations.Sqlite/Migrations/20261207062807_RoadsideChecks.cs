using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoadsideChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "roadside_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plate = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    plate_colour = table.Column<int>(type: "INTEGER", nullable: false),
                    checkpoint = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    alert_id = table.Column<long>(type: "INTEGER", nullable: true),
                    values_json = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    failures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    violation_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    fine_yuan = table.Column<int>(type: "INTEGER", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    checked_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    officer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roadside_checks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_roadside_checks_checked_at_utc",
                table: "roadside_checks",
                column: "checked_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_roadside_checks_plate_plate_colour",
                table: "roadside_checks",
                columns: new[] { "plate", "plate_colour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roadside_checks");
        }
    }
}
