using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.PostgreSql.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plate = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    plate_colour = table.Column<int>(type: "integer", nullable: false),
                    checkpoint = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    alert_id = table.Column<long>(type: "bigint", nullable: true),
                    values_json = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    failures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    violation_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    fine_yuan = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    checked_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    officer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
