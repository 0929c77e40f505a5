using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseHistoryLength : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HistoryLength",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Cases stored before the column existed start from the history they already have.
            migrationBuilder.Sql(
                "UPDATE \"cases\" SET \"HistoryLength\" = (SELECT COALESCE(MAX(t.\"Sequence\"), 0) FROM \"case_transitions\" t WHERE t.\"CaseId\" = \"cases\".\"Id\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HistoryLength",
                table: "cases");
        }
    }
}
