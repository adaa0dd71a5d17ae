namespace ZealthyEmr.Domain.Search;

/// <summary>A patient as a picker lists them; <see cref="Label"/> tells two patients of the same name apart.</summary>
public sealed record PatientMatch(Guid Id, string Name, string Email, DateOnly? DateOfBirth, string? Phone)
{
    public string Label => $"{Name} · {Email}";
}
