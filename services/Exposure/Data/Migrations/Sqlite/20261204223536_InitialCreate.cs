using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Exposure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accountability_reports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    problems = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accountability_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_openings",
                columns: table => new
                {
                    ExposureId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    OfficeJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OrderedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrderedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_openings", x => x.ExposureId);
                });

            migrationBuilder.CreateTable(
                name: "columns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    MediaOutletId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AirDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CarriesFollowUps = table.Column<bool>(type: "INTEGER", nullable: false),
                    HolidaysLowerMinimum = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_columns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exposures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PlaceJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Polluter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PollutionType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reasons = table.Column<int>(type: "INTEGER", nullable: false),
                    ExistingCaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ResponsibleUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    FollowUpDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ReturnVisit_Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnVisit_Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReturnVisit_Rectification = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReturnVisit_RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnVisit_RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FollowUpBroadcast_ColumnId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    FollowUpBroadcast_AirDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpBroadcast_RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpBroadcast_RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OverdueAnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    materials = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exposures", x => x.Id);
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
                name: "media_outlets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ColumnName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WeeklyQuota = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_outlets", x => x.Id);
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
                name: "programmes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AirDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExposureIds = table.Column<string>(type: "TEXT", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AiredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schedule_signals",
                columns: table => new
                {
                    ColumnId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_signals", x => new { x.ColumnId, x.PeriodStart, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "spot_checks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CandidateIds = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleIds = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spot_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spot_check_findings",
                columns: table => new
                {
                    SpotCheckId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ExposureId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    RectificationHeld = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccountabilityHeld = table.Column<bool>(type: "INTEGER", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spot_check_findings", x => new { x.SpotCheckId, x.ExposureId });
                    table.ForeignKey(
                        name: "FK_spot_check_findings_spot_checks_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "spot_checks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accountability_reports_IdempotencyKey",
                table: "accountability_reports",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accountability_reports_JurisdictionCode_Period_Version",
                table: "accountability_reports",
                columns: new[] { "JurisdictionCode", "Period", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_openings_OpenedAt_NextAttemptAt",
                table: "case_openings",
                columns: new[] { "OpenedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_columns_IdempotencyKey",
                table: "columns",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_columns_MediaOutletId",
                table: "columns",
                column: "MediaOutletId");

            migrationBuilder.CreateIndex(
                name: "IX_exposures_ColumnId_ProposedAt",
                table: "exposures",
                columns: new[] { "ColumnId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exposures_FollowUpJurisdictionCode_FollowUpDeadline",
                table: "exposures",
                columns: new[] { "FollowUpJurisdictionCode", "FollowUpDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_exposures_IdempotencyKey",
                table: "exposures",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exposures_PlaceJurisdictionCode",
                table: "exposures",
                column: "PlaceJurisdictionCode");

            migrationBuilder.CreateIndex(
                name: "IX_media_outlets_IdempotencyKey",
                table: "media_outlets",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_media_outlets_JurisdictionCode_CreatedAt",
                table: "media_outlets",
                columns: new[] { "JurisdictionCode", "CreatedAt" });

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
                name: "IX_programmes_ColumnId_AirDate",
                table: "programmes",
                columns: new[] { "ColumnId", "AirDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_programmes_IdempotencyKey",
                table: "programmes",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spot_checks_CityCode_Period",
                table: "spot_checks",
                columns: new[] { "CityCode", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spot_checks_IdempotencyKey",
                table: "spot_checks",
                column: "IdempotencyKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accountability_reports");

            migrationBuilder.DropTable(
                name: "case_openings");

            migrationBuilder.DropTable(
                name: "columns");

            migrationBuilder.DropTable(
                name: "exposures");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "media_outlets");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropTable(
                name: "schedule_signals");

            migrationBuilder.DropTable(
                name: "spot_check_findings");

            migrationBuilder.DropTable(
                name: "spot_checks");
        }
    }
}
