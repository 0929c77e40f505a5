using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Postgres
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
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DeadlineProvisionalAfter",
                table: "case_assignments",
                type: "date",
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
