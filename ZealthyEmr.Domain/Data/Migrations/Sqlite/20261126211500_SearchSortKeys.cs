using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Search;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the documents' sort key and birth-date index, outside the EF model (SQLite's search reads them).
            SqliteSearchSortKeys.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSearchSortKeys.Drop(migrationBuilder);
        }
    }
}
