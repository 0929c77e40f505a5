using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseHolderAndDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderJurisdictionCode",
                table: "cases",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_cases_HolderJurisdictionCode",
                table: "cases",
                column: "HolderJurisdictionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_HolderJurisdictionCode",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "HolderJurisdictionCode",
                table: "cases");
        }
    }
}
