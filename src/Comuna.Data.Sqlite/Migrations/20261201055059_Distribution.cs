using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Distribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "distribution_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitsArrived = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsDelivered = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PickupPoints = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Rule_MaxUnitsPerHousehold = table.Column<int>(type: "INTEGER", nullable: true),
                    Rule_MembersPerExtraUnit = table.Column<int>(type: "INTEGER", nullable: true),
                    Rule_PriorityChildren = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rule_PriorityElderly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rule_PriorityExtraUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule_PriorityMalnutrition = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rule_PriorityPregnant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rule_UnitsPerHousehold = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_distribution_rounds", x => x.Id);
                    table.CheckConstraint("ck_rounds_dates", "\"EndsOn\" >= \"StartsOn\"");
                    table.CheckConstraint("ck_rounds_units", "\"UnitsArrived\" >= 0 AND \"UnitsDelivered\" >= 0 AND \"UnitsDelivered\" <= \"UnitsArrived\"");
                    table.ForeignKey(
                        name: "FK_distribution_rounds_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "health_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_flags_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DeliveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deliveries", x => x.Id);
                    table.CheckConstraint("ck_deliveries_units", "\"Units\" > 0");
                    table.ForeignKey(
                        name: "FK_deliveries_distribution_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "distribution_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deliveries_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "delivery_minutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousCheckpoint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Checkpoint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_minutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_delivery_minutes_distribution_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "distribution_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_HouseholdId",
                table: "deliveries",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_RoundId_HouseholdId",
                table: "deliveries",
                columns: new[] { "RoundId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_delivery_minutes_RoundId",
                table: "delivery_minutes",
                column: "RoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_distribution_rounds_CouncilId_StartsOn",
                table: "distribution_rounds",
                columns: new[] { "CouncilId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_health_flags_ResidentId_Kind_StartsOn",
                table: "health_flags",
                columns: new[] { "ResidentId", "Kind", "StartsOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "delivery_minutes");

            migrationBuilder.DropTable(
                name: "health_flags");

            migrationBuilder.DropTable(
                name: "distribution_rounds");
        }
    }
}
