using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZealthyEmr.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArchivedPatientsSignInDisabled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written, data only: patients archived before archiving set the sign-in flag were kept out by an
            // endless lockout alone, which a password reset clears. Their logins get the flag too.
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "SignInDisabled" = 1 WHERE "Id" IN (SELECT "UserId" FROM "Patients" WHERE "ArchivedUtc" IS NOT NULL AND "UserId" IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: clearing the flag would let archived patients sign in again.
        }
    }
}
