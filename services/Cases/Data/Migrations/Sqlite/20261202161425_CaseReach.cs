using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseReach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReachedJurisdictionCode",
                table: "cases",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeadlineProvisionalAfter",
                table: "case_assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReachedJurisdictionCode",
                table: "cases",
                column: "ReachedJurisdictionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_ReachedJurisdictionCode",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReachedJurisdictionCode",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DeadlineProvisionalAfter",
                table: "case_assignments");
        }
    }
}
