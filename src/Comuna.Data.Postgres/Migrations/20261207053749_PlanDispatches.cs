using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PlanDispatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "food_plan_dispatches",
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
                    table.PrimaryKey("PK_food_plan_dispatches", x => new { x.PlanId, x.Place, x.Product });
                    table.CheckConstraint("ck_food_plan_dispatches_quantity", "\"Quantity\" > 0");
                    table.ForeignKey(
                        name: "FK_food_plan_dispatches_food_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "food_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_food_plan_dispatches_Place",
                table: "food_plan_dispatches",
                column: "Place");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "food_plan_dispatches");
        }
    }
}
