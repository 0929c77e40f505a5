using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ducha.Exposure.Data.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Remarks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    problems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accountability_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_openings",
                columns: table => new
                {
                    ExposureId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    OfficeJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OrderedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrderedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefusedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_openings", x => x.ExposureId);
                });

            migrationBuilder.CreateTable(
                name: "columns",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    MediaOutletId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AirDays = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Minimum = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CarriesFollowUps = table.Column<bool>(type: "boolean", nullable: false),
                    HolidaysLowerMinimum = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_columns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exposures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ColumnId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    PlaceJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Polluter = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PollutionType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Reasons = table.Column<int>(type: "integer", nullable: false),
                    ExistingCaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    ResponsibleUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FollowUpDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    ReturnVisit_Date = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnVisit_Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReturnVisit_Rectification = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReturnVisit_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnVisit_RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FollowUpBroadcast_ColumnId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    FollowUpBroadcast_AirDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpBroadcast_RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUpBroadcast_RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OverdueAnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    materials = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exposures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "media_outlets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ColumnName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    WeeklyQuota = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_media_outlets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ColumnId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    AirDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExposureIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AiredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "schedule_signals",
                columns: table => new
                {
                    ColumnId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_signals", x => new { x.ColumnId, x.PeriodStart, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "spot_checks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Procedure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CandidateIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    SampleIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spot_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spot_check_findings",
                columns: table => new
                {
                    SpotCheckId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ExposureId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    RectificationHeld = table.Column<bool>(type: "boolean", nullable: false),
                    AccountabilityHeld = table.Column<bool>(type: "boolean", nullable: false),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
