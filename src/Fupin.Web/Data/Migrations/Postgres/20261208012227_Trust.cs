using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CorrectedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                CREATE OR REPLACE FUNCTION fupin_audit_insert_check() RETURNS trigger AS $$
                BEGIN
                  IF NEW."Seq" IS NOT NULL OR NEW."Hash" IS NOT NULL OR NEW."At" < now() - interval '10 minutes' THEN
                    RAISE EXCEPTION 'audit entries are inserted unsealed and at the current time';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_insert_check" BEFORE INSERT ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION fupin_audit_insert_check();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatusCorrection");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS fupin_audit_insert_check() CASCADE;");
        }
    }
}
