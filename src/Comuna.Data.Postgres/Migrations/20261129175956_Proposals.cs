using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    AuthorResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    VoteId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_residents_AuthorResidentId",
                        column: x => x.AuthorResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proposal_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    PreviousText = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    NewText = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    AuthorResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmendedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposal_amendments_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposal_amendments_residents_AuthorResidentId",
                        column: x => x.AuthorResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proposal_arguments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_arguments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposal_arguments_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposal_arguments_residents_AuthorResidentId",
                        column: x => x.AuthorResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_proposal_amendments_AuthorResidentId",
                table: "proposal_amendments",
                column: "AuthorResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_amendments_ProposalId_Revision",
                table: "proposal_amendments",
                columns: new[] { "ProposalId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposal_arguments_AuthorResidentId",
                table: "proposal_arguments",
                column: "AuthorResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_arguments_ProposalId",
                table: "proposal_arguments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_AgendaItemId_Position",
                table: "proposals",
                columns: new[] { "AgendaItemId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_AssemblyId",
                table: "proposals",
                column: "AssemblyId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_AuthorResidentId",
                table: "proposals",
                column: "AuthorResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_VoteId",
                table: "proposals",
                column: "VoteId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_amendments");

            migrationBuilder.DropTable(
                name: "proposal_arguments");

            migrationBuilder.DropTable(
                name: "proposals");
        }
    }
}
