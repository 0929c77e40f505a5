using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseAssignmentsAndReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BuckPassingFlagged",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "case_assignments",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Hop = table.Column<int>(type: "integer", nullable: false),
                    FromJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ToJurisdictionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_assignments");

            migrationBuilder.DropColumn(
                name: "BuckPassingFlagged",
                table: "cases");
        }
    }
}
