using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Search;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the documents' words (for a short search's walk) in the sort-name index, outside the EF model.
            SqliteSearchHaystack.CreateWords(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSearchHaystack.DropWords(migrationBuilder);
        }
    }
}
