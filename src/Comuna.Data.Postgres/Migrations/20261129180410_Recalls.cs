using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Recalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recall_petitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpokespersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RaisedByOversight = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignaturesRequired = table.Column<int>(type: "integer", nullable: false),
                    OversightReportDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: true),
                    VoteId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_petitions", x => x.Id);
                    table.CheckConstraint("ck_recall_required", "\"SignaturesRequired\" >= 0");
                    table.ForeignKey(
                        name: "FK_recall_petitions_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recall_petitions_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recall_petitions_spokespeople_SpokespersonId",
                        column: x => x.SpokespersonId,
                        principalTable: "spokespeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recall_petitions_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recall_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PetitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recall_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recall_signatures_recall_petitions_PetitionId",
                        column: x => x.PetitionId,
                        principalTable: "recall_petitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_recall_signatures_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recall_petitions_AssemblyId",
                table: "recall_petitions",
                column: "AssemblyId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_petitions_CouncilId",
                table: "recall_petitions",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_petitions_SpokespersonId",
                table: "recall_petitions",
                column: "SpokespersonId");

            migrationBuilder.CreateIndex(
                name: "IX_recall_petitions_VoteId",
                table: "recall_petitions",
                column: "VoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recall_signatures_PetitionId_ResidentId",
                table: "recall_signatures",
                columns: new[] { "PetitionId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recall_signatures_ResidentId",
                table: "recall_signatures",
                column: "ResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recall_signatures");

            migrationBuilder.DropTable(
                name: "recall_petitions");
        }
    }
}
