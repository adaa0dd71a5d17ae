using Microsoft.EntityFrameworkCore.Migrations;
using ZealthyEmr.Domain.Search;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QueuedSearchLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: visits, series and prescriptions queue their patient's search document instead of refreshing it.
            SqliteSearchQueue.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqliteSearchQueue.Drop(migrationBuilder);
        }
    }
}
