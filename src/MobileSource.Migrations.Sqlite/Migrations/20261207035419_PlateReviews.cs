using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlateReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plate_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    site_no = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    record_no = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    measured_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    plate_read = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    plate_colour = table.Column<int>(type: "INTEGER", nullable: true),
                    plate_confidence = table.Column<double>(type: "REAL", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    candidates = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    decided_colour = table.Column<int>(type: "INTEGER", nullable: true),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_from = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plate_reviews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plate_reviews_site_no_record_no",
                table: "plate_reviews",
                columns: new[] { "site_no", "record_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plate_reviews_state_created_at_utc",
                table: "plate_reviews",
                columns: new[] { "state", "created_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plate_reviews");
        }
    }
}
