using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Parliament : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "parliament_seats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: true),
                    ElectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TermEndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parliament_seats", x => x.Id);
                    table.CheckConstraint("ck_parliament_seats_council", "(\"Kind\" = 'Council') = (\"CouncilId\" IS NOT NULL)");
                    table.CheckConstraint("ck_parliament_seats_term", "\"TermEndsOn\" > \"ElectedOn\"");
                    table.ForeignKey(
                        name: "FK_parliament_seats_communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_parliament_seats_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_parliament_seats_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_parliament_seats_CommuneId_ResidentId_ElectedOn",
                table: "parliament_seats",
                columns: new[] { "CommuneId", "ResidentId", "ElectedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parliament_seats_CouncilId",
                table: "parliament_seats",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_parliament_seats_ResidentId",
                table: "parliament_seats",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "parliament_seats");
        }
    }
}
