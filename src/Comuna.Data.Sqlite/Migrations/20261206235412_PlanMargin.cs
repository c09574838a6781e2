using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanMargin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Margin",
                table: "food_plans",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Margin",
                table: "food_plans");
        }
    }
}
