using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Polluter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PollutionType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CentralInspection = table.Column<bool>(type: "INTEGER", nullable: false),
                    OriginalDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReporterSealed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OriginJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ReachedJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HolderJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HolderUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    BuckPassingFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedCaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ListedLeader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OwnerLeader = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RemindedFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverdueAnnouncedFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CallbackResult = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    HistoryLength = table.Column<int>(type: "INTEGER", nullable: false),
                    attachments = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "handling_unit_changes",
                columns: table => new
                {
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handling_unit_changes", x => new { x.JurisdictionCode, x.Name, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "seconded_cadres",
                columns: table => new
                {
                    SecondmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    SecondedToJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PostName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seconded_cadres", x => x.SecondmentId);
                });

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
                name: "case_assignments",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Hop = table.Column<int>(type: "INTEGER", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    FromJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ToJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ToUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineProvisionalAfter = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreviousDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeliveryAnnounced = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_assignments", x => new { x.CaseId, x.Hop });
                    table.ForeignKey(
                        name: "FK_case_assignments_cases_CaseId",
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
                    TouchesLivelihood = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    plan_phases = table.Column<string>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "case_transitions",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ActorLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_transitions", x => new { x.CaseId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_case_transitions_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_measures_VerificationDate_VerifiedAt_AlertRaisedAt",
                table: "case_measures",
                columns: new[] { "VerificationDate", "VerifiedAt", "AlertRaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_HolderJurisdictionCode_HolderUnit_Deadline_Id",
                table: "cases",
                columns: new[] { "HolderJurisdictionCode", "HolderUnit", "Deadline", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_IdempotencyKey",
                table: "cases",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_JurisdictionCode_Polluter",
                table: "cases",
                columns: new[] { "JurisdictionCode", "Polluter" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_JurisdictionCode_ReceivedAt",
                table: "cases",
                columns: new[] { "JurisdictionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReachedJurisdictionCode",
                table: "cases",
                column: "ReachedJurisdictionCode");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Status_Deadline",
                table: "cases",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_EventId",
                table: "outbox_messages",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt",
                table: "outbox_messages",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_seconded_cadres_Subject_HomeJurisdictionCode_HomeUnit",
                table: "seconded_cadres",
                columns: new[] { "Subject", "HomeJurisdictionCode", "HomeUnit" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_accountability");

            migrationBuilder.DropTable(
                name: "case_assignments");

            migrationBuilder.DropTable(
                name: "case_clue_referrals");

            migrationBuilder.DropTable(
                name: "case_measures");

            migrationBuilder.DropTable(
                name: "case_reports");

            migrationBuilder.DropTable(
                name: "case_supervisions");

            migrationBuilder.DropTable(
                name: "case_transitions");

            migrationBuilder.DropTable(
                name: "handling_unit_changes");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "seconded_cadres");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
