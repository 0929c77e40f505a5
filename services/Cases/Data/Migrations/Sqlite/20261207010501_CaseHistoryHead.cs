using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ducha.Cases.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseHistoryHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HistoryHead",
                table: "cases",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            // Each case's head from its stored chain; a row whose length names no link keeps none and is read the long way.
            migrationBuilder.Sql("""
                UPDATE "cases" SET "HistoryHead" = (
                    SELECT CAST(t."Sequence" AS TEXT) || ':' || t."Hash" FROM "case_transitions" AS t
                    WHERE t."CaseId" = "cases"."Id" AND t."Sequence" = "cases"."HistoryLength")
                WHERE "HistoryLength" > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HistoryHead",
                table: "cases");
        }
    }
}
