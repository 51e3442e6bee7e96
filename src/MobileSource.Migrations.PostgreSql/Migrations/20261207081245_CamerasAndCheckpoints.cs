using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CamerasAndCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_checkpoints",
                columns: table => new
                {
                    account_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    place = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_checkpoints", x => new { x.account_id, x.place });
                    table.ForeignKey(
                        name: "FK_account_checkpoints_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cameras",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    site = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    lane = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    travel_direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    detect_width = table.Column<int>(type: "integer", nullable: false),
                    detect_height = table.Column<int>(type: "integer", nullable: false),
                    detect_fps = table.Column<double>(type: "double precision", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    record = table.Column<bool>(type: "boolean", nullable: false),
                    loop = table.Column<bool>(type: "boolean", nullable: false),
                    stall_timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    freeze_frames = table.Column<int>(type: "integer", nullable: false),
                    io_timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    max_attempts = table.Column<int>(type: "integer", nullable: false),
                    initial_backoff_seconds = table.Column<int>(type: "integer", nullable: false),
                    max_backoff_seconds = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    removed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cameras", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_checkpoints");

            migrationBuilder.DropTable(
                name: "cameras");
        }
    }
}
