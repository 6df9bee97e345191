using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VillageProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VillageProfile",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CollectiveIncome = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    LeadingIndustry = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    HardenedRoad = table.Column<bool>(type: "INTEGER", nullable: false),
                    PowerGrid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Broadband = table.Column<bool>(type: "INTEGER", nullable: false),
                    Clinic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CultureCenter = table.Column<bool>(type: "INTEGER", nullable: false),
                    SafeWater = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VillageProfile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VillageProfile_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VillageProfile_RegionCode_Year",
                table: "VillageProfile",
                columns: new[] { "RegionCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VillageProfile");
        }
    }
}
