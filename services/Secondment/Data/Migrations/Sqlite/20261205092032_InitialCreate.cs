using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Secondment.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cadres",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HomeUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Specialities = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TermsRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cadres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "draws",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Round = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Targets = table.Column<int>(type: "INTEGER", nullable: false),
                    Teams = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    InputsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreviousDrawId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ReplacesDrawId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    RedrawReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReplacedByDrawId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    RevealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PairsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_draws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    SecondmentId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluator = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "history_links",
                columns: table => new
                {
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PayloadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_links", x => new { x.JurisdictionCode, x.Sequence });
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
                name: "inspection_targets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PollutionType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspectors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Groups = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.JurisdictionCode);
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
                name: "secondments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CadreId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CadreName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HomeJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Post = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PostName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RotationDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RotationAnnouncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuccessorCadreId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    EndedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_secondments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_requests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    FromGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AccountabilityCarriedOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cadres_IdempotencyKey",
                table: "cadres",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cadres_JurisdictionCode_CreatedAt",
                table: "cadres",
                columns: new[] { "JurisdictionCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cadres_Subject",
                table: "cadres",
                column: "Subject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_draws_IdempotencyKey",
                table: "draws",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_draws_JurisdictionCode_Round",
                table: "draws",
                columns: new[] { "JurisdictionCode", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_draws_ReplacesDrawId",
                table: "draws",
                column: "ReplacesDrawId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluations_SecondmentId_Year_Evaluator",
                table: "evaluations",
                columns: new[] { "SecondmentId", "Year", "Evaluator" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_targets_IdempotencyKey",
                table: "inspection_targets",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_targets_JurisdictionCode_Id",
                table: "inspection_targets",
                columns: new[] { "JurisdictionCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_inspectors_IdempotencyKey",
                table: "inspectors",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspectors_JurisdictionCode_CadreId",
                table: "inspectors",
                columns: new[] { "JurisdictionCode", "CadreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspectors_JurisdictionCode_Id",
                table: "inspectors",
                columns: new[] { "JurisdictionCode", "Id" });

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
                name: "IX_secondments_CadreId_StartDate",
                table: "secondments",
                columns: new[] { "CadreId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_secondments_EndedDate_EndDate",
                table: "secondments",
                columns: new[] { "EndedDate", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_secondments_IdempotencyKey",
                table: "secondments",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_secondments_JurisdictionCode_StartDate",
                table: "secondments",
                columns: new[] { "JurisdictionCode", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_secondments_RotationAnnouncedAt_RotationDueDate",
                table: "secondments",
                columns: new[] { "RotationAnnouncedAt", "RotationDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_requests_IdempotencyKey",
                table: "supervision_requests",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_requests_JurisdictionCode_State_Deadline",
                table: "supervision_requests",
                columns: new[] { "JurisdictionCode", "State", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cadres");

            migrationBuilder.DropTable(
                name: "draws");

            migrationBuilder.DropTable(
                name: "evaluations");

            migrationBuilder.DropTable(
                name: "history_links");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "inspection_targets");

            migrationBuilder.DropTable(
                name: "inspectors");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "secondments");

            migrationBuilder.DropTable(
                name: "supervision_requests");
        }
    }
}
