using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Postgres
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderUnit",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedCaseId",
                table: "cases",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ListedLeader",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginJurisdictionCode",
                table: "cases",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDeadline",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueAnnouncedFor",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerLeader",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RemindedFor",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RepeatCount",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeliveryAnnounced",
                table: "case_assignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "case_assignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ToUnit",
                table: "case_assignments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_accountability",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sanction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FaultTolerated = table.Column<bool>(type: "boolean", nullable: false),
                    FaultToleranceReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SupervisoryOrganJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ReportNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Investigation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    VerificationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerificationFinding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AlertRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Result = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RectifiedNow = table.Column<bool>(type: "boolean", nullable: false),
                    PlanTarget = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PlanMeasures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlanDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    PlanResponsibleUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Leader = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ByJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
