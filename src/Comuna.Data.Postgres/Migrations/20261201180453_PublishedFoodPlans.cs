using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PublishedFoodPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAtUtc",
                table: "food_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanId",
                table: "distribution_rounds",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlanProduct",
                table: "distribution_rounds",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlannedUnits",
                table: "distribution_rounds",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "food_plan_deliveries",
                columns: table => new
                {
                    PlanId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "text", nullable: false),
                    Product = table.Column<string>(type: "text", nullable: false),
                    ProductName = table.Column<string>(type: "text", nullable: false),
                    Unit = table.Column<string>(type: "text", nullable: false),
                    Quantity = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_food_plan_deliveries", x => new { x.PlanId, x.Place, x.Product });
                    table.CheckConstraint("ck_food_plan_deliveries_quantity", "\"Quantity\" > 0");
                    table.ForeignKey(
                        name: "FK_food_plan_deliveries_food_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "food_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_distribution_rounds_PlanId",
                table: "distribution_rounds",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_food_plan_deliveries_Place",
                table: "food_plan_deliveries",
                column: "Place");

            migrationBuilder.AddForeignKey(
                name: "FK_distribution_rounds_food_plans_PlanId",
                table: "distribution_rounds",
                column: "PlanId",
                principalTable: "food_plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_distribution_rounds_food_plans_PlanId",
                table: "distribution_rounds");

            migrationBuilder.DropTable(
                name: "food_plan_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_distribution_rounds_PlanId",
                table: "distribution_rounds");

            migrationBuilder.DropColumn(
                name: "PublishedAtUtc",
                table: "food_plans");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "distribution_rounds");

            migrationBuilder.DropColumn(
                name: "PlanProduct",
                table: "distribution_rounds");

            migrationBuilder.DropColumn(
                name: "PlannedUnits",
                table: "distribution_rounds");
        }
    }
}
