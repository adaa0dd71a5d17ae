namespace ZealthyEmr.Domain.Patients;

/// <summary>
/// How a patient's name sorts: family name first, then the given names, so the list reads like a clinic's
/// register ("CRUZ MARY ANN DE LA" for "Mary Ann de la Cruz"). The family name is the last word; the clinic records
/// one name field, so particles ("de la", "van") and a second Spanish surname file with the given names, as a
/// library catalogue files "Cruz, Mary Ann de la". Words are split at plain spaces only, the same rule
/// <see cref="PatientSortNameSql"/> applies to existing rows in SQL, so both give every row the same key.
/// </summary>
public static class PatientNames
{
    public static string SortKey(string name)
    {
        var upper = (name ?? "").Trim(' ').ToUpperInvariant();
        var lastSpace = upper.LastIndexOf(' ');
        return lastSpace < 0 ? upper : $"{upper[(lastSpace + 1)..]} {upper[..lastSpace].TrimEnd(' ')}";
    }
}
