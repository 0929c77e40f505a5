using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ducha.Assessment.Data.Migrations.Postgres
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
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applied_events", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "assessed_cases",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    PlaceJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<bool>(type: "boolean", nullable: false),
                    OriginJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    HolderJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HolderUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HolderSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EverOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    Reported = table.Column<bool>(type: "boolean", nullable: false),
                    RectificationVerified = table.Column<bool>(type: "boolean", nullable: false),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessed_cases", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "deduction_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    ExposureId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    PlaceJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HolderJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HolderUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReturnerJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ReturnerUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Cause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Exempted = table.Column<bool>(type: "boolean", nullable: false),
                    ExemptionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deduction_facts", x => x.Id);
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
                name: "deduction_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeductionFactId = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_outbox_messages_EventId",
                table: "outbox_messages",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt",
                table: "outbox_messages",
                column: "SentAt");
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
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "deduction_facts");
        }
    }
}
