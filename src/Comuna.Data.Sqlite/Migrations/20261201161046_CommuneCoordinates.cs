using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Comuna.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommuneCoordinates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "communes",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "communes",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_communes_coordinates",
                table: "communes",
                sql: "(\"Latitude\" IS NULL AND \"Longitude\" IS NULL) OR (\"Latitude\" BETWEEN -90 AND 90 AND \"Longitude\" BETWEEN -180 AND 180)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_communes_coordinates",
                table: "communes");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "communes");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "communes");
        }
    }
}
