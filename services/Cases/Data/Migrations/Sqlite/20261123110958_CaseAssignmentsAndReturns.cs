using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "case_assignments",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Hop = table.Column<int>(type: "INTEGER", nullable: false),
                    FromJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ToJurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
