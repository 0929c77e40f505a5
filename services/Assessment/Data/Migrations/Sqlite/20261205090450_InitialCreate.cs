using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Assessment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "assessed_cases",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    PlaceJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<bool>(type: "INTEGER", nullable: false),
                    OriginJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    HolderJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HolderUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HolderSince = table.Column<long>(type: "INTEGER", nullable: true),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EverOverdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    RectificationVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessed_cases", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "deduction_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ExposureId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    PlaceJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HolderJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HolderUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReturnerJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ReturnerUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Exempted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExemptionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deduction_facts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "duty_reports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Filings = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duty_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "frozen_results",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AssessorJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemeId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Order = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sheets = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frozen_results", x => x.Id);
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
                name: "measurements",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Current = table.Column<bool>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measurements", x => x.Id);
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
                name: "schemes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CopiedFromSchemeId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InForceAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupersededBySchemeId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schemes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "seconded_cadre_results",
                columns: table => new
                {
                    SecondmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CadreName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HomeJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HomeUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OfficeGrade = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    HomeUnitGrade = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Record = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seconded_cadre_results", x => new { x.SecondmentId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "vetoes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssessorJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vetoes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "deduction_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeductionFactId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deduction_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deduction_events_deduction_facts_DeductionFactId",
                        column: x => x.DeductionFactId,
                        principalTable: "deduction_facts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "frozen_sheets",
                columns: table => new
                {
                    ResultsId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    RankedOf = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frozen_sheets", x => new { x.ResultsId, x.Position });
                    table.ForeignKey(
                        name: "FK_frozen_sheets_frozen_results_ResultsId",
                        column: x => x.ResultsId,
                        principalTable: "frozen_results",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessed_cases_Year_PlaceJurisdictionCode",
                table: "assessed_cases",
                columns: new[] { "Year", "PlaceJurisdictionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_deduction_events_DeductionFactId_EventId",
                table: "deduction_events",
                columns: new[] { "DeductionFactId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deduction_facts_Key",
                table: "deduction_facts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deduction_facts_Year_HolderJurisdictionCode",
                table: "deduction_facts",
                columns: new[] { "Year", "HolderJurisdictionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_deduction_facts_Year_PlaceJurisdictionCode",
                table: "deduction_facts",
                columns: new[] { "Year", "PlaceJurisdictionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_duty_reports_IdempotencyKey",
                table: "duty_reports",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duty_reports_Year_JurisdictionCode_Department",
                table: "duty_reports",
                columns: new[] { "Year", "JurisdictionCode", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_frozen_results_AssessorJurisdictionCode_Year_Audience",
                table: "frozen_results",
                columns: new[] { "AssessorJurisdictionCode", "Year", "Audience" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_frozen_sheets_ResultsId_JurisdictionCode_Department",
                table: "frozen_sheets",
                columns: new[] { "ResultsId", "JurisdictionCode", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_measurements_current",
                table: "measurements",
                columns: new[] { "JurisdictionCode", "IndicatorCode", "Year", "Period", "Current" },
                unique: true,
                filter: "\"Current\"");

            migrationBuilder.CreateIndex(
                name: "IX_measurements_IdempotencyKey",
                table: "measurements",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_measurements_JurisdictionCode_Year",
                table: "measurements",
                columns: new[] { "JurisdictionCode", "Year" });

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
                name: "IX_schemes_IdempotencyKey",
                table: "schemes",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schemes_in_force",
                table: "schemes",
                columns: new[] { "JurisdictionCode", "Audience", "Year" },
                unique: true,
                filter: "\"State\" = 'InForce'");

            migrationBuilder.CreateIndex(
                name: "IX_schemes_JurisdictionCode_Audience_Year",
                table: "schemes",
                columns: new[] { "JurisdictionCode", "Audience", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_seconded_cadre_results_JurisdictionCode_Year",
                table: "seconded_cadre_results",
                columns: new[] { "JurisdictionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_vetoes_IdempotencyKey",
                table: "vetoes",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vetoes_Year_JurisdictionCode",
                table: "vetoes",
                columns: new[] { "Year", "JurisdictionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applied_events");

            migrationBuilder.DropTable(
                name: "assessed_cases");

            migrationBuilder.DropTable(
                name: "deduction_events");

            migrationBuilder.DropTable(
                name: "duty_reports");

            migrationBuilder.DropTable(
                name: "frozen_sheets");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "measurements");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "schemes");

            migrationBuilder.DropTable(
                name: "seconded_cadre_results");

            migrationBuilder.DropTable(
                name: "vetoes");

            migrationBuilder.DropTable(
                name: "deduction_facts");

            migrationBuilder.DropTable(
                name: "frozen_results");
        }
    }
}
