using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "ImportJob",
                type: "INTEGER",
                maxLength: 20,
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ImportJob");
        }
    }
}
