namespace ZealthyEmr.Domain.Search;

/// <summary>
/// The triggers that keep <see cref="PatientSearchDocument"/> and its index right, by table. Both providers create
/// triggers with these names; the model declares them (HasTrigger) so EF Core saves to these tables without
/// OUTPUT (SQL Server) or RETURNING (SQLite), which do not mix with triggers.
/// </summary>
internal static class SearchTriggers
{
    public const string DocumentsTable = "PatientSearchDocuments";

    private static readonly Dictionary<string, string[]> Operations = new(StringComparer.Ordinal)
    {
        ["Patients"] = ["Insert", "Update", "Delete"],
        ["Visits"] = ["Insert", "Update", "Delete"],
        ["AppointmentSeries"] = ["Insert", "Update", "Delete"],
        ["Prescriptions"] = ["Insert", "Update", "Delete"],
        ["Providers"] = ["Update"],
        ["Medications"] = ["Update"],
        [DocumentsTable] = ["Insert", "Update", "Delete"],
    };

    public static IEnumerable<string> On(string table) => Operations[table].Select(op => Name(table, op));

    public static string Name(string table, string operation) => $"TR_{table}_Search_{operation}";
}
