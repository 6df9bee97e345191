using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OneIdNumberIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_IdNumber",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_IdNumber_Active",
                table: "Members");

            // One index for both jobs (see MemberConfiguration): unique on the number while the record is active,
            // NULL in the second column otherwise (NULLs never clash), and the number first for every lookup.
            migrationBuilder.Sql(
                "CREATE UNIQUE INDEX \"IX_Members_IdNumber\" ON \"Members\" (\"IdNumber\", (CASE WHEN \"Status\" = 'Active' THEN 1 END));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Members_IdNumber\";");

            migrationBuilder.CreateIndex(
                name: "IX_Members_IdNumber",
                table: "Members",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Members_IdNumber_Active",
                table: "Members",
                column: "IdNumber",
                unique: true,
                filter: "\"Status\" = 'Active'");
        }
    }
}
