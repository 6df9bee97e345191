using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Seq",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Seq",
                table: "AuditEntries",
                column: "Seq",
                unique: true);

            // Append-only (痕迹不可改): no DELETE or TRUNCATE ever; UPDATE only to seal a row (Seq and Hash from NULL, nothing else).
            migrationBuilder.Sql("""
                CREATE FUNCTION fupin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'UPDATE' THEN
                    RAISE EXCEPTION 'audit entries are append-only';
                  END IF;
                  IF OLD."Seq" IS NOT NULL OR OLD."Hash" IS NOT NULL OR NEW."Seq" IS NULL OR NEW."Hash" IS NULL
                     OR (NEW."Id", NEW."At", NEW."UserId", NEW."UserName", NEW."Role", NEW."ClientIp", NEW."Action", NEW."Event", NEW."Entity", NEW."EntityKey", NEW."HouseholdId", NEW."RegionCode", NEW."Field", NEW."OldValue", NEW."NewValue") IS DISTINCT FROM (OLD."Id", OLD."At", OLD."UserId", OLD."UserName", OLD."Role", OLD."ClientIp", OLD."Action", OLD."Event", OLD."Entity", OLD."EntityKey", OLD."HouseholdId", OLD."RegionCode", OLD."Field", OLD."OldValue", OLD."NewValue") THEN
                    RAISE EXCEPTION 'audit entries are append-only';
                  END IF;
                  RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION fupin_audit_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION fupin_audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_no_truncate\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_append_only\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS fupin_audit_append_only();");

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
