using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Fupin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Assistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "ProcedureCase",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssistancePauseReason",
                table: "Households",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AssistancePausedOn",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssistanceFile",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceFile", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpUnit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpUnit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NightSchoolSession",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Expected = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightSchoolSession", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkTeam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTeam", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cadre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cadre", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cadre_HelpUnit_UnitId",
                        column: x => x.UnitId,
                        principalTable: "HelpUnit",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NightSchoolSignIn",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attendee = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NightSchoolSignIn", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NightSchoolSignIn_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NightSchoolSignIn_NightSchoolSession_SessionId",
                        column: x => x.SessionId,
                        principalTable: "NightSchoolSession",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamLog_WorkTeam_TeamId",
                        column: x => x.TeamId,
                        principalTable: "WorkTeam",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamMember",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FromOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamMember_WorkTeam_TeamId",
                        column: x => x.TeamId,
                        principalTable: "WorkTeam",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssistancePlan",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Causes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CadreId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistancePlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistancePlan_Cadre_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssistancePlan_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pairing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CadreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pairing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pairing_Cadre_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pairing_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CadreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Accuracy = table.Column<double>(type: "REAL", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visit_Cadre_CadreId",
                        column: x => x.CadreId,
                        principalTable: "Cadre",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visit_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TeamCheckIn",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamCheckIn", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TeamCheckIn_TeamMember_MemberId",
                        column: x => x.MemberId,
                        principalTable: "TeamMember",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceMeasure",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Persons = table.Column<int>(type: "INTEGER", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Paid = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    QuantityUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Funding = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Standard = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceMeasure", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistanceMeasure_AssistancePlan_PlanId",
                        column: x => x.PlanId,
                        principalTable: "AssistancePlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssistanceMeasure_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceFile_OwnerId_Owner",
                table: "AssistanceFile",
                columns: new[] { "OwnerId", "Owner" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMeasure_HouseholdId_Year",
                table: "AssistanceMeasure",
                columns: new[] { "HouseholdId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMeasure_PlanId",
                table: "AssistanceMeasure",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMeasure_RegionCode_Year_Kind_Status",
                table: "AssistanceMeasure",
                columns: new[] { "RegionCode", "Year", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePlan_CadreId",
                table: "AssistancePlan",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePlan_HouseholdId_Year",
                table: "AssistancePlan",
                columns: new[] { "HouseholdId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistancePlan_RegionCode_HouseholdId_Year",
                table: "AssistancePlan",
                columns: new[] { "RegionCode", "HouseholdId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cadre_RegionCode_Name",
                table: "Cadre",
                columns: new[] { "RegionCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Cadre_UnitId",
                table: "Cadre",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Cadre_UserName",
                table: "Cadre",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_HelpUnit_RegionCode_Name",
                table: "HelpUnit",
                columns: new[] { "RegionCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NightSchoolSession_RegionCode_On",
                table: "NightSchoolSession",
                columns: new[] { "RegionCode", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_NightSchoolSignIn_HouseholdId",
                table: "NightSchoolSignIn",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_NightSchoolSignIn_RegionCode_SessionId_HouseholdId",
                table: "NightSchoolSignIn",
                columns: new[] { "RegionCode", "SessionId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NightSchoolSignIn_SessionId",
                table: "NightSchoolSignIn",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Pairing_CadreId_ToOn",
                table: "Pairing",
                columns: new[] { "CadreId", "ToOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairing_HouseholdId_FromOn",
                table: "Pairing",
                columns: new[] { "HouseholdId", "FromOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Pairing_RegionCode_HouseholdId",
                table: "Pairing",
                columns: new[] { "RegionCode", "HouseholdId" },
                unique: true,
                filter: "\"ToOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TeamCheckIn_MemberId",
                table: "TeamCheckIn",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_TeamCheckIn_RegionCode_MemberId_On",
                table: "TeamCheckIn",
                columns: new[] { "RegionCode", "MemberId", "On" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamCheckIn_TeamId_On",
                table: "TeamCheckIn",
                columns: new[] { "TeamId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamLog_TeamId_On",
                table: "TeamLog",
                columns: new[] { "TeamId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_TeamMember_TeamId",
                table: "TeamMember",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Visit_CadreId",
                table: "Visit",
                column: "CadreId");

            migrationBuilder.CreateIndex(
                name: "IX_Visit_HouseholdId_CadreId_VisitedOn",
                table: "Visit",
                columns: new[] { "HouseholdId", "CadreId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visit_RegionCode_VisitedOn",
                table: "Visit",
                columns: new[] { "RegionCode", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeam_RegionCode",
                table: "WorkTeam",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistanceFile");

            migrationBuilder.DropTable(
                name: "AssistanceMeasure");

            migrationBuilder.DropTable(
                name: "NightSchoolSignIn");

            migrationBuilder.DropTable(
                name: "Pairing");

            migrationBuilder.DropTable(
                name: "TeamCheckIn");

            migrationBuilder.DropTable(
                name: "TeamLog");

            migrationBuilder.DropTable(
                name: "Visit");

            migrationBuilder.DropTable(
                name: "AssistancePlan");

            migrationBuilder.DropTable(
                name: "NightSchoolSession");

            migrationBuilder.DropTable(
                name: "TeamMember");

            migrationBuilder.DropTable(
                name: "Cadre");

            migrationBuilder.DropTable(
                name: "WorkTeam");

            migrationBuilder.DropTable(
                name: "HelpUnit");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "ProcedureCase");

            migrationBuilder.DropColumn(
                name: "AssistancePauseReason",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "AssistancePausedOn",
                table: "Households");
        }
    }
}
