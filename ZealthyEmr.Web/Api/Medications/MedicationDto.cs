namespace ZealthyEmr.Web.Api.Medications;

/// <summary><see cref="Dosages"/> and <see cref="IsActive"/> are the original contract's names for the strengths and for not retired.</summary>
public record MedicationDto(Guid Id, string Name, string Description, IReadOnlyList<string> Strengths, bool IsRetired, Guid Version)
{
    public IReadOnlyList<string> Dosages => Strengths;

    public bool IsActive => !IsRetired;
}
