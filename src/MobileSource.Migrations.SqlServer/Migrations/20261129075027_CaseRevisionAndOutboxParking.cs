using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MobileSource.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CaseRevisionAndOutboxParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "parked_at_utc",
                table: "outbox_messages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "revision",
                table: "enforcement_cases",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "parked_at_utc",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "enforcement_cases");
        }
    }
}
