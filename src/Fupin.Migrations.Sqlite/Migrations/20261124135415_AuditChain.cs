using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Event",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Seq",
                table: "AuditEntries",
                column: "Seq",
                unique: true);

            // Append-only (痕迹不可改): no DELETE ever; UPDATE only to seal a row (Seq and Hash from NULL, nothing else).
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                WHEN OLD."Seq" IS NOT NULL OR OLD."Hash" IS NOT NULL OR NEW."Seq" IS NULL OR NEW."Hash" IS NULL
                  OR NEW."Id" IS NOT OLD."Id" OR NEW."At" IS NOT OLD."At" OR NEW."UserId" IS NOT OLD."UserId" OR NEW."UserName" IS NOT OLD."UserName" OR NEW."Role" IS NOT OLD."Role" OR NEW."ClientIp" IS NOT OLD."ClientIp" OR NEW."Action" IS NOT OLD."Action" OR NEW."Event" IS NOT OLD."Event" OR NEW."Entity" IS NOT OLD."Entity" OR NEW."EntityKey" IS NOT OLD."EntityKey" OR NEW."HouseholdId" IS NOT OLD."HouseholdId" OR NEW."RegionCode" IS NOT OLD."RegionCode" OR NEW."Field" IS NOT OLD."Field" OR NEW."OldValue" IS NOT OLD."OldValue" OR NEW."NewValue" IS NOT OLD."NewValue"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_no_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_no_delete\";");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Seq",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Event",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Seq",
                table: "AuditEntries");
        }
    }
}
