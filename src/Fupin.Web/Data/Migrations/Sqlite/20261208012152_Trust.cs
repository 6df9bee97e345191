using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatusCorrection",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusCorrection", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StatusCorrection_HouseholdId_At",
                table: "StatusCorrection",
                columns: new[] { "HouseholdId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusCorrection_RegionCode_On",
                table: "StatusCorrection",
                columns: new[] { "RegionCode", "On" });

            // Audit rows come only from the application's writer: unsealed, and at the time they happen (decision 005).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_insert_check" BEFORE INSERT ON "AuditEntries"
                WHEN NEW."Seq" IS NOT NULL OR NEW."Hash" IS NOT NULL OR julianday(NEW."At") IS NULL OR julianday(NEW."At") < julianday('now', '-10 minutes')
                BEGIN SELECT RAISE(ABORT, 'audit entries are inserted unsealed and at the current time'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusCorrection");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_insert_check\";");
        }
    }
}
