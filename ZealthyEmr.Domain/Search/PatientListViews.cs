namespace ZealthyEmr.Domain.Search;

/// <summary>The record types of the View a patient list records for each patient it lists.</summary>
public static class PatientListViews
{
    /// <summary>Name and contact details (the admin grid, the board's picker).</summary>
    public const string List = "PatientList";

    /// <summary>
    /// Name and contact details with the patient's appointments and prescriptions (the original contract's list):
    /// one row per listed patient instead of three, since a 25-row page recorded 75 views, a quarter of the
    /// app's work under a burst of searches at 100,000 patients (bench/results/HISTORY.md).
    /// </summary>
    public const string ListWithRecords = "PatientRecordList";
}
