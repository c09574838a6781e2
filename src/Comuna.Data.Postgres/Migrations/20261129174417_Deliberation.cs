using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Deliberation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assemblies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleSetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConvenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Call = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EligibleAtOpening = table.Column<int>(type: "integer", nullable: true),
                    QuorumRequired = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assemblies", x => x.Id);
                    table.CheckConstraint("ck_assemblies_one_body", "(\"CouncilId\" IS NULL) <> (\"CommuneId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_assemblies_communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assemblies_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DebateSummary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agenda_items_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckedInAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attendances_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_attendances_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "minutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: false),
                    WrittenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    PreviousCheckpoint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Checkpoint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_minutes_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Secret = table.Column<bool>(type: "boolean", nullable: false),
                    Options = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BallotCount = table.Column<int>(type: "integer", nullable: false),
                    PresentAtClose = table.Column<int>(type: "integer", nullable: true),
                    MandatePurpose = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MandateAmountMinor = table.Column<long>(type: "bigint", nullable: true),
                    MandateCurrency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    MandateAction = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_votes", x => x.Id);
                    table.CheckConstraint("ck_votes_ballot_count", "\"BallotCount\" >= 0");
                    table.ForeignKey(
                        name: "FK_votes_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_votes_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ballot_casts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpenChoice = table.Column<string>(type: "character varying(9000)", maxLength: 9000, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ballot_casts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ballot_casts_residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ballot_casts_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "uuid", nullable: false),
                    VoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CouncilId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommuneId = table.Column<Guid>(type: "uuid", nullable: true),
                    MandatePurpose = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MandateAmountMinor = table.Column<long>(type: "bigint", nullable: true),
                    MandateCurrency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    MandateAction = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MandateSpentMinor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.CheckConstraint("ck_decisions_mandate_amount", "\"MandateAmountMinor\" IS NULL OR \"MandateAmountMinor\" > 0");
                    table.CheckConstraint("ck_decisions_mandate_spent", "\"MandateSpentMinor\" >= 0 AND (\"MandateAmountMinor\" IS NULL OR \"MandateSpentMinor\" <= \"MandateAmountMinor\")");
                    table.ForeignKey(
                        name: "FK_decisions_assemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "assemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decisions_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "vote_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Receipt = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Choice = table.Column<string>(type: "character varying(9000)", maxLength: 9000, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vote_log", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vote_log_votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_items_AssemblyId_Position",
                table: "agenda_items",
                columns: new[] { "AssemblyId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assemblies_CommuneId",
                table: "assemblies",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_assemblies_CouncilId_StartsAtUtc",
                table: "assemblies",
                columns: new[] { "CouncilId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_attendances_AssemblyId_ResidentId",
                table: "attendances",
                columns: new[] { "AssemblyId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attendances_ResidentId",
                table: "attendances",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ballot_casts_ResidentId",
                table: "ballot_casts",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ballot_casts_VoteId_ResidentId",
                table: "ballot_casts",
                columns: new[] { "VoteId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_AssemblyId",
                table: "decisions",
                column: "AssemblyId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_VoteId",
                table: "decisions",
                column: "VoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_minutes_AssemblyId",
                table: "minutes",
                column: "AssemblyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vote_log_VoteId_Receipt",
                table: "vote_log",
                columns: new[] { "VoteId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vote_log_VoteId_Sequence",
                table: "vote_log",
                columns: new[] { "VoteId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_votes_AgendaItemId",
                table: "votes",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_votes_AssemblyId",
                table: "votes",
                column: "AssemblyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendances");

            migrationBuilder.DropTable(
                name: "ballot_casts");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "minutes");

            migrationBuilder.DropTable(
                name: "vote_log");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropTable(
                name: "agenda_items");

            migrationBuilder.DropTable(
                name: "assemblies");
        }
    }
}
