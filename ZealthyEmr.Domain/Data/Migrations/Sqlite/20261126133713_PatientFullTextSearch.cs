using System;
using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Search;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PhoneDigits = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    BirthDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Providers = table.Column<string>(type: "TEXT", nullable: true),
                    Medications = table.Column<string>(type: "TEXT", nullable: true),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false)
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
            SqliteSearchSchema.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSearchSchema.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "PatientSearchDocuments");
        }
    }
}
