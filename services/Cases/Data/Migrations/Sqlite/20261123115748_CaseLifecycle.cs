using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallbackResult",
                table: "cases",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderUnit",
                table: "cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedCaseId",
                table: "cases",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListedLeader",
                table: "cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginJurisdictionCode",
                table: "cases",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDeadline",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueAnnouncedFor",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerLeader",
                table: "cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RemindedFor",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RepeatCount",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeliveryAnnounced",
                table: "case_assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "case_assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ToUnit",
                table: "case_assignments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_accountability",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sanction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FaultTolerated = table.Column<bool>(type: "INTEGER", nullable: false),
                    FaultToleranceReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedByJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_accountability", x => new { x.CaseId, x.Number });
                    table.ForeignKey(
                        name: "FK_case_accountability_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_clue_referrals",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SupervisoryOrganJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_clue_referrals", x => new { x.CaseId, x.Number });
                    table.ForeignKey(
                        name: "FK_case_clue_referrals_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_measures",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Investigation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VerificationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerificationFinding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AlertRaisedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_measures", x => new { x.CaseId, x.Number });
                    table.ForeignKey(
                        name: "FK_case_measures_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_reports",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RectifiedNow = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlanTarget = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlanMeasures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PlanDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlanResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_reports", x => new { x.CaseId, x.Number });
                    table.ForeignKey(
                        name: "FK_case_reports_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_supervisions",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Leader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ByJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_supervisions", x => new { x.CaseId, x.Number });
                    table.ForeignKey(
                        name: "FK_case_supervisions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_JurisdictionCode_Polluter",
                table: "cases",
                columns: new[] { "JurisdictionCode", "Polluter" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Status_Deadline",
                table: "cases",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_case_measures_VerificationDate_VerifiedAt_AlertRaisedAt",
                table: "case_measures",
                columns: new[] { "VerificationDate", "VerifiedAt", "AlertRaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_accountability");

            migrationBuilder.DropTable(
                name: "case_clue_referrals");

            migrationBuilder.DropTable(
                name: "case_measures");

            migrationBuilder.DropTable(
                name: "case_reports");

            migrationBuilder.DropTable(
                name: "case_supervisions");

            migrationBuilder.DropIndex(
                name: "IX_cases_JurisdictionCode_Polluter",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Status_Deadline",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CallbackResult",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "HolderUnit",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "LinkedCaseId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ListedLeader",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "OriginJurisdictionCode",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "OriginalDeadline",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "OverdueAnnouncedFor",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "OwnerLeader",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemindedFor",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RepeatCount",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "attachments",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DeliveryAnnounced",
                table: "case_assignments");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "case_assignments");

            migrationBuilder.DropColumn(
                name: "ToUnit",
                table: "case_assignments");
        }
    }
}
