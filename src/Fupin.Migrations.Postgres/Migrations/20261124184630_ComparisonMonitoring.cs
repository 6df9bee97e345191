using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Fupin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ComparisonMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FindingId",
                table: "ProcedureCase",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringSource",
                table: "ProcedureCase",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringType",
                table: "ProcedureCase",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalMode",
                table: "ProcedureCase",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Risks",
                table: "ProcedureCase",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "ImportJob",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RosterKind",
                table: "ImportJob",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringRisks",
                table: "Households",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MonitoringSince",
                table: "Households",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringSource",
                table: "Households",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringType",
                table: "Households",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RiskRemovalMode",
                table: "Households",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RiskRemovedOn",
                table: "Households",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComparisonRound",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Batches = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Rules = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RunBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false),
                    FindingsNew = table.Column<int>(type: "integer", nullable: false),
                    FindingsRepeated = table.Column<int>(type: "integer", nullable: false),
                    ElapsedMs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparisonRound", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdLight",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Light = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreviousLight = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    PreviousAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdLight", x => x.HouseholdId);
                    table.ForeignKey(
                        name: "FK_HouseholdLight_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LightNote",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Override = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OverrideBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OverrideOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FollowUpDue = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LightNote", x => x.HouseholdId);
                    table.ForeignKey(
                        name: "FK_LightNote_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskEvent_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RosterBatch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterBatch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComparisonFinding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rule = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Severity = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Subject = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RegistryEvidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RosterEvidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: true),
                    VerifyNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Measure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RectifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CloseNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparisonFinding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComparisonFinding_ComparisonRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ComparisonRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ComparisonFinding_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RosterEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SubType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Total = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    Paid = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterEntry_RosterBatch_BatchId",
                        column: x => x.BatchId,
                        principalTable: "RosterBatch",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonFinding_HouseholdId_State",
                table: "ComparisonFinding",
                columns: new[] { "HouseholdId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonFinding_RegionCode_State_Rule",
                table: "ComparisonFinding",
                columns: new[] { "RegionCode", "State", "Rule" });

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonFinding_RoundId",
                table: "ComparisonFinding",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ComparisonRound_RegionCode_Year_Seq",
                table: "ComparisonRound",
                columns: new[] { "RegionCode", "Year", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdLight_RegionCode_Light",
                table: "HouseholdLight",
                columns: new[] { "RegionCode", "Light" });

            migrationBuilder.CreateIndex(
                name: "IX_LightNote_RegionCode",
                table: "LightNote",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_RiskEvent_HouseholdId_OccurredOn",
                table: "RiskEvent",
                columns: new[] { "HouseholdId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterBatch_RegionCode_Kind_UploadedAt",
                table: "RosterBatch",
                columns: new[] { "RegionCode", "Kind", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RosterEntry_BatchId",
                table: "RosterEntry",
                column: "BatchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComparisonFinding");

            migrationBuilder.DropTable(
                name: "HouseholdLight");

            migrationBuilder.DropTable(
                name: "LightNote");

            migrationBuilder.DropTable(
                name: "RiskEvent");

            migrationBuilder.DropTable(
                name: "RosterEntry");

            migrationBuilder.DropTable(
                name: "ComparisonRound");

            migrationBuilder.DropTable(
                name: "RosterBatch");

            migrationBuilder.DropColumn(
                name: "FindingId",
                table: "ProcedureCase");

            migrationBuilder.DropColumn(
                name: "MonitoringSource",
                table: "ProcedureCase");

            migrationBuilder.DropColumn(
                name: "MonitoringType",
                table: "ProcedureCase");

            migrationBuilder.DropColumn(
                name: "RemovalMode",
                table: "ProcedureCase");

            migrationBuilder.DropColumn(
                name: "Risks",
                table: "ProcedureCase");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "ImportJob");

            migrationBuilder.DropColumn(
                name: "RosterKind",
                table: "ImportJob");

            migrationBuilder.DropColumn(
                name: "MonitoringRisks",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "MonitoringSince",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "MonitoringSource",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "MonitoringType",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RiskRemovalMode",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RiskRemovedOn",
                table: "Households");
        }
    }
}
