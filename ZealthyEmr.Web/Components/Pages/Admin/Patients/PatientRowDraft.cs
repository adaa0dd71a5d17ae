using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>
/// The patient fields the grid edits in place. The date of birth is the typed text in the clinic's short date
/// format, so Enter saves exactly what is in the cell (a picker commits its text only on blur).
/// </summary>
public sealed record PatientRowDraft(string Name, string Email, string? Phone, string BirthDate)
{
    public static PatientRowDraft From(PatientRow row, ClinicFormat format) =>
        new(row.Name, row.Email, row.Phone, row.DateOfBirth is { } born ? format.ShortDate(born) : "");

    public static PatientRowDraft From(PatientDetails patient, ClinicFormat format) =>
        new(patient.Name, patient.Email, patient.Phone, patient.DateOfBirth is { } born ? format.ShortDate(born) : "");

    /// <summary>What is stored, as the stale-save notice reads it.</summary>
    public string Describe() =>
        $"{Name}, {Email}, {(string.IsNullOrWhiteSpace(Phone) ? "no phone" : Phone)}, {(BirthDate.Length == 0 ? "no date of birth" : $"born {BirthDate}")}";
}
