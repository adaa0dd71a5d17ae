using Microsoft.EntityFrameworkCore.Migrations;

namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// Fills <see cref="Patient.SortName"/> for the rows stored before it existed, called from its migration. It starts
/// from NormalizedName, which the app upper-cased in .NET, so neither database's UPPER (ASCII-only on SQLite) is
/// needed, and splits at the last plain space as <see cref="PatientNames.SortKey"/> does.
/// </summary>
public static class PatientSortNameSql
{
    // rtrim(n, <every non-space character of n>) leaves n up to and including its last space.
    private const string Sqlite = """
        UPDATE "Patients" SET "SortName" = CASE
            WHEN instr(trim("NormalizedName", ' '), ' ') = 0 THEN trim("NormalizedName", ' ')
            ELSE substr(trim("NormalizedName", ' '), length(rtrim(trim("NormalizedName", ' '), replace(trim("NormalizedName", ' '), ' ', ''))) + 1)
                || ' ' || rtrim(rtrim(trim("NormalizedName", ' '), replace(trim("NormalizedName", ' '), ' ', '')), ' ')
            END;
        """;

    // The name is trimmed first, so LEN (which ignores trailing spaces) counts every character.
    private const string SqlServer = """
        UPDATE p SET [SortName] = CASE
            WHEN CHARINDEX(N' ', n.[Name]) = 0 THEN n.[Name]
            ELSE RIGHT(n.[Name], CHARINDEX(N' ', REVERSE(n.[Name])) - 1) + N' '
                + RTRIM(LEFT(n.[Name], LEN(n.[Name]) - CHARINDEX(N' ', REVERSE(n.[Name]))))
            END
        FROM [Patients] p CROSS APPLY (SELECT TRIM(p.[NormalizedName]) AS [Name]) n;
        """;

    public static void FillSqlite(MigrationBuilder migration) => migration.Sql(Sqlite);

    public static void FillSqlServer(MigrationBuilder migration) => migration.Sql(SqlServer);
}
