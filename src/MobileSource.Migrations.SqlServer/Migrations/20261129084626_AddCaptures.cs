using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddCaptures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anpr_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    camera_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    vendor = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    device_address = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    event_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    raw_plate = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    plate_colour = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    confidence = table.Column<double>(type: "float", nullable: true),
                    vehicle_type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    capture_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "captures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    camera_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    site = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    lane = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    travel_direction = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    captured_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    received_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    vehicle_class = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    smoke_score = table.Column<double>(type: "float", nullable: false),
                    ringelmann_level = table.Column<double>(type: "float", nullable: false),
                    ringelmann_limit = table.Column<double>(type: "float", nullable: false),
                    plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    plate_confidence = table.Column<double>(type: "float", nullable: true),
                    plate_colour = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    plate_source = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    vision_plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    vision_plate_confidence = table.Column<double>(type: "float", nullable: true),
                    vision_plate_colour = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    anpr_event_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    anpr_plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    anpr_plate_confidence = table.Column<double>(type: "float", nullable: true),
                    state = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    reviewed_by = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    reviewed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    reviewed_from = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    reject_reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    original_plate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    original_plate_colour = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    plate_correction_reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_captures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "anpr_pictures",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    anpr_event_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    name = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    relative_path = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    content_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    purged_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anpr_pictures", x => x.id);
                    table.ForeignKey(
                        name: "FK_anpr_pictures_anpr_events_anpr_event_id",
                        column: x => x.anpr_event_id,
                        principalTable: "anpr_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "capture_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    capture_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    relative_path = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    content_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    stored_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    purged_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_capture_files", x => x.id);
                    table.ForeignKey(
                        name: "FK_capture_files_captures_capture_id",
                        column: x => x.capture_id,
                        principalTable: "captures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_events_camera_id_event_at_utc",
                table: "anpr_events",
                columns: new[] { "camera_id", "event_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_events_capture_id_received_at_utc",
                table: "anpr_events",
                columns: new[] { "capture_id", "received_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_anpr_pictures_anpr_event_id",
                table: "anpr_pictures",
                column: "anpr_event_id");

            migrationBuilder.CreateIndex(
                name: "IX_capture_files_capture_id",
                table: "capture_files",
                column: "capture_id");

            migrationBuilder.CreateIndex(
                name: "IX_captures_camera_id_captured_at_utc",
                table: "captures",
                columns: new[] { "camera_id", "captured_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_captures_state_captured_at_utc",
                table: "captures",
                columns: new[] { "state", "captured_at_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "anpr_pictures");

            migrationBuilder.DropTable(
                name: "capture_files");

            migrationBuilder.DropTable(
                name: "anpr_events");

            migrationBuilder.DropTable(
                name: "captures");
        }
    }
}
