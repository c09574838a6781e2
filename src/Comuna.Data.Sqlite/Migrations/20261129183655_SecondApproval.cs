using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SecondApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "transfers",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "pending_transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DebitAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_transfers", x => x.Id);
                    table.CheckConstraint("ck_pending_amount", "\"Amount\" > 0");
                    table.ForeignKey(
                        name: "FK_pending_transfers_accounts_CreditAccountId",
                        column: x => x.CreditAccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pending_transfers_accounts_DebitAccountId",
                        column: x => x.DebitAccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pending_transfers_communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pending_transfers_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pending_transfers_CommuneId",
                table: "pending_transfers",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_pending_transfers_CreditAccountId",
                table: "pending_transfers",
                column: "CreditAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_pending_transfers_DebitAccountId",
                table: "pending_transfers",
                column: "DebitAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_pending_transfers_DecisionId",
                table: "pending_transfers",
                column: "DecisionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_transfers");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "transfers");
        }
    }
}
