using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PatientSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_NormalizedName",
                table: "Patients");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Search",
                table: "Patients",
                columns: new[] { "NormalizedName", "NormalizedEmail" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_Search",
                table: "Patients");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_NormalizedName",
                table: "Patients",
                column: "NormalizedName");
        }
    }
}
