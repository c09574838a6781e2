using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Elections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "Candidates",
                table: "votes",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "PostCommittee",
                table: "votes",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostUnit",
                table: "votes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ElectedInVoteId",
                table: "spokespeople",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Candidates",
                table: "votes");

            migrationBuilder.DropColumn(
                name: "PostCommittee",
                table: "votes");

            migrationBuilder.DropColumn(
                name: "PostUnit",
                table: "votes");

            migrationBuilder.DropColumn(
                name: "ElectedInVoteId",
                table: "spokespeople");
        }
    }
}
