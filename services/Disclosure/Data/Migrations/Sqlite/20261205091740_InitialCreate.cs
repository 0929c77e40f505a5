using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Disclosure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "announcements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_announcements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "applied_events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applied_events", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "bulletin_cadences",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EveryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekdays = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulletin_cadences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulletin_versions",
                columns: table => new
                {
                    BulletinId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulletin_versions", x => new { x.BulletinId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    DraftedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueAnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulletins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disclosed_accountability",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sanction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    Exempted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosed_accountability", x => new { x.CaseId, x.Rank, x.Sanction });
                });

            migrationBuilder.CreateTable(
                name: "disclosed_case_facts",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FetchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Found = table.Column<bool>(type: "INTEGER", nullable: false),
                    OriginJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Polluter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Rectification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RectificationDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExposureId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosed_case_facts", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "disclosed_cases",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    PollutionType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CentralInspection = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatOfCaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedByJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ProvinceArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CityArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountyArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FactsWanted = table.Column<int>(type: "INTEGER", nullable: false),
                    FactsFetched = table.Column<int>(type: "INTEGER", nullable: false),
                    FactsPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    FactsAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    FactsDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FactsError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosed_cases", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "disclosed_exposures",
                columns: table => new
                {
                    ExposureId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    PlaceJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Polluter = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PollutionType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    FollowUpDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnVisitRectification = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    BroadcastDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosed_exposures", x => x.ExposureId);
                });

            migrationBuilder.CreateTable(
                name: "fetched_case_facts",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FetchedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fetched_case_facts", x => x.Sequence);
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
                name: "published_assessment_results",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AssessorJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SchemeId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PartiesJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_assessment_results", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "published_draws",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Targets = table.Column<int>(type: "INTEGER", nullable: false),
                    Teams = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplacesDrawId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    RedrawReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Made = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InputsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: true),
                    PairsJson = table.Column<string>(type: "TEXT", nullable: true),
                    RevealedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_draws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "typical_case_marks",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Typical = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MarkedByJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_typical_case_marks", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "announcement_versions",
                columns: table => new
                {
                    AnnouncementId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PhoneHours = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    PostalBox = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Venues = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RecordedBySubject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_announcement_versions", x => new { x.AnnouncementId, x.Number });
                    table.ForeignKey(
                        name: "FK_announcement_versions_announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_announcements_CityCode_PublishedAt",
                table: "announcements",
                columns: new[] { "CityCode", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_announcements_IdempotencyKey",
                table: "announcements",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_announcements_JurisdictionCode_PublishedAt",
                table: "announcements",
                columns: new[] { "JurisdictionCode", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_announcements_ProvinceCode_PublishedAt",
                table: "announcements",
                columns: new[] { "ProvinceCode", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bulletin_cadences_IdempotencyKey",
                table: "bulletin_cadences",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulletin_cadences_JurisdictionCode",
                table: "bulletin_cadences",
                column: "JurisdictionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulletins_IdempotencyKey",
                table: "bulletins",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulletins_JurisdictionCode_PeriodStart_PeriodEnd",
                table: "bulletins",
                columns: new[] { "JurisdictionCode", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_case_facts_ExposureId",
                table: "disclosed_case_facts",
                column: "ExposureId");

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_cases_CityCode_CityArrivedAt_Stage_Overdue_FactsPending",
                table: "disclosed_cases",
                columns: new[] { "CityCode", "CityArrivedAt", "Stage", "Overdue", "FactsPending" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_cases_CountyCode_CountyArrivedAt_Stage_Overdue_FactsPending",
                table: "disclosed_cases",
                columns: new[] { "CountyCode", "CountyArrivedAt", "Stage", "Overdue", "FactsPending" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_cases_FactsPending_FactsDueAt",
                table: "disclosed_cases",
                columns: new[] { "FactsPending", "FactsDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_cases_JurisdictionCode_ReceivedAt",
                table: "disclosed_cases",
                columns: new[] { "JurisdictionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_cases_ProvinceCode_ProvinceArrivedAt_Stage_Overdue_FactsPending",
                table: "disclosed_cases",
                columns: new[] { "ProvinceCode", "ProvinceArrivedAt", "Stage", "Overdue", "FactsPending" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosed_exposures_CaseId",
                table: "disclosed_exposures",
                column: "CaseId");

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
                name: "IX_published_assessment_results_AssessorJurisdictionCode_Year_Audience",
                table: "published_assessment_results",
                columns: new[] { "AssessorJurisdictionCode", "Year", "Audience" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announcement_versions");

            migrationBuilder.DropTable(
                name: "applied_events");

            migrationBuilder.DropTable(
                name: "bulletin_cadences");

            migrationBuilder.DropTable(
                name: "bulletin_versions");

            migrationBuilder.DropTable(
                name: "bulletins");

            migrationBuilder.DropTable(
                name: "disclosed_accountability");

            migrationBuilder.DropTable(
                name: "disclosed_case_facts");

            migrationBuilder.DropTable(
                name: "disclosed_cases");

            migrationBuilder.DropTable(
                name: "disclosed_exposures");

            migrationBuilder.DropTable(
                name: "fetched_case_facts");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "published_assessment_results");

            migrationBuilder.DropTable(
                name: "published_draws");

            migrationBuilder.DropTable(
                name: "typical_case_marks");

            migrationBuilder.DropTable(
                name: "announcements");
        }
    }
}
