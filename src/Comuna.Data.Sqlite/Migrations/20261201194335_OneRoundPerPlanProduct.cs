using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneRoundPerPlanProduct : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_distribution_rounds_CouncilId_PlanId_PlanProduct",
                table: "distribution_rounds",
                columns: new[] { "CouncilId", "PlanId", "PlanProduct" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_distribution_rounds_CouncilId_PlanId_PlanProduct",
                table: "distribution_rounds");
        }
    }
}
