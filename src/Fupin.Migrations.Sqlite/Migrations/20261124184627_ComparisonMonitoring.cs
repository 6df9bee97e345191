using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringSource",
                table: "ProcedureCase",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringType",
                table: "ProcedureCase",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalMode",
                table: "ProcedureCase",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Risks",
                table: "ProcedureCase",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "ImportJob",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RosterKind",
                table: "ImportJob",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringRisks",
                table: "Households",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MonitoringSince",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringSource",
                table: "Households",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringType",
                table: "Households",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RiskRemovalMode",
                table: "Households",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RiskRemovedOn",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComparisonRound",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Batches = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsNew = table.Column<int>(type: "INTEGER", nullable: false),
                    FindingsRepeated = table.Column<int>(type: "INTEGER", nullable: false),
                    ElapsedMs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComparisonRound", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdLight",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Light = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousLight = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    PreviousAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Override = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverrideBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OverrideOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FollowUpDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterBatch", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComparisonFinding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RegistryEvidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RosterEvidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FoundOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: true),
                    VerifyNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RectifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RectifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SubType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Paid = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true)
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
