using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanRunHold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HeldUntilUtc",
                table: "food_plans",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeldUntilUtc",
                table: "food_plans");
        }
    }
}
