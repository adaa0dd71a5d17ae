using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboxDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftJson",
                table: "OutboxMessages",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftJson",
                table: "OutboxMessages");
        }
    }
}
