namespace ZealthyEmr.Domain.Search;

/// <summary>
/// One patient's searchable text in one row: their own fields, normalized, and the names of their providers and
/// medications, which live in other tables. Written only by database triggers (see <see cref="SqliteSearchSchema"/>
/// and <see cref="SqlServerSearchSchema"/>), so raw inserts such as the clinic generator's keep it right too; the
/// app only reads it (on SQLite, a new or last link to a provider or medication is queued by its trigger and refreshed by
/// the next search: <see cref="SqliteSearchQueue"/>). <see cref="Id"/> is the integer row id SQLite's external-content FTS5 tables point at.
/// </summary>
public sealed class PatientSearchDocument
{
    public long Id { get; set; }

    public Guid PatientId { get; set; }

    /// <summary>Upper-invariant, as <c>Patients.NormalizedName</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Upper-invariant, as <c>Patients.NormalizedEmail</c>.</summary>
    public string Email { get; set; } = "";

    /// <summary>The phone without spaces and the usual separators (+ - ( ) . /), so "555 0100" finds "+1 555-0100".</summary>
    public string? PhoneDigits { get; set; }

    /// <summary>ISO yyyy-MM-dd.</summary>
    public string? BirthDate { get; set; }

    /// <summary>Names of the providers of the patient's series and not-cancelled visits, " | " between them.</summary>
    public string? Providers { get; set; }

    /// <summary>Names of the medications of the patient's prescriptions, " | " between them.</summary>
    public string? Medications { get; set; }

    /// <summary>An archived patient matches only when the search asks for archived patients too.</summary>
    public bool Archived { get; set; }
}
