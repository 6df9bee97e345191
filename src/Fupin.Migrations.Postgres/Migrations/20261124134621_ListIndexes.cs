using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_HeadName",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode_HouseholdNumber",
                table: "Households",
                columns: new[] { "RegionCode", "HouseholdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode_Status_HeadName_HouseholdNumber_Id",
                table: "Households",
                columns: new[] { "RegionCode", "Status", "HeadName", "HouseholdNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_Status_RegionCode_HouseholdNumber",
                table: "Households",
                columns: new[] { "Status", "RegionCode", "HouseholdNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_RegionCode_HouseholdNumber",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_RegionCode_Status_HeadName_HouseholdNumber_Id",
                table: "Households");

            migrationBuilder.DropIndex(
                name: "IX_Households_Status_RegionCode_HouseholdNumber",
                table: "Households");

            migrationBuilder.CreateIndex(
                name: "IX_Households_HeadName",
                table: "Households",
                column: "HeadName");
        }
    }
}
