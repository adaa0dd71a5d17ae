using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Search;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PatientFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PatientSearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PhoneDigits = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    BirthDate = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: true),
                    Providers = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Medications = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Archived = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientSearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PatientSearchDocuments_PatientId",
                table: "PatientSearchDocuments",
                column: "PatientId",
                unique: true);

            // Hand-written: the index, its triggers and the documents of the patients already there.
            SqlServerSearchSchema.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqlServerSearchSchema.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "PatientSearchDocuments");
        }
    }
}
