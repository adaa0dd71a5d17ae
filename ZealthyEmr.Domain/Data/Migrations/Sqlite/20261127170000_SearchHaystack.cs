using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Search;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchHaystack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the documents' searchable text in the sort-name index, outside the EF model.
            SqliteSearchHaystack.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSearchHaystack.Drop(migrationBuilder);
        }
    }
}
