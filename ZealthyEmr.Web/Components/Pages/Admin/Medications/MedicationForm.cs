using ZealthyEmr.Domain.Medications;

namespace ZealthyEmr.Web.Components.Pages.Admin.Medications;

/// <summary>What the medication dialog edits.</summary>
public sealed class MedicationForm
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<string> Strengths { get; private init; } = [];

    public static MedicationForm From(MedicationRow? medication) => medication is null
        ? new()
        : new() { Name = medication.Name, Description = medication.Description, Strengths = [.. medication.Strengths] };

    public MedicationInput ToInput() => new(Name, Description, [.. Strengths]);
}
