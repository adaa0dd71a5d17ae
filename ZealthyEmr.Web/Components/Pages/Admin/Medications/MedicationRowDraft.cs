using ZealthyEmr.Domain.Medications;

namespace ZealthyEmr.Web.Components.Pages.Admin.Medications;

/// <summary>The medication fields the grid edits in place; description and strengths stay in the dialog.</summary>
public sealed record MedicationRowDraft(string Name, bool InUse)
{
    public static MedicationRowDraft From(MedicationRow medication) => new(medication.Name, !medication.IsRetired);
}
