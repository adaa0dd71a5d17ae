using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Patients;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PatientSortName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "Patients",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            PatientSortNameSql.FillSqlite(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_SortName",
                table: "Patients",
                columns: new[] { "SortName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_SortName",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "Patients");
        }
    }
}
