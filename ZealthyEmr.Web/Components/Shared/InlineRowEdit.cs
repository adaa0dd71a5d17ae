using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Web.Components.Shared;

/// <summary>
/// The one grid row being edited in place. It is keyed by the row's id, not held by reference, so a live re-read
/// of the grid (which brings new row instances) leaves the edit and what was typed alone.
/// </summary>
/// <typeparam name="TDraft">What the row's cells edit; a value record, so "theirs" and "mine" can be compared and swapped.</typeparam>
public sealed class InlineRowEdit<TDraft>
    where TDraft : class
{
    private Dictionary<string, string> errors = [];

    public Guid? RowId { get; private set; }

    public TDraft? Draft { get; set; }

    /// <summary>The concurrency version the draft was read at; a save with an older one comes back stale.</summary>
    public Guid Version { get; private set; }

    /// <summary>What is stored now, after a save came back stale; null while there is no conflict.</summary>
    public TDraft? Theirs { get; private set; }

    public bool Saving { get; set; }

    public bool IsEditing(Guid rowId) => RowId == rowId;

    public void Begin(Guid rowId, TDraft draft, Guid version)
    {
        (RowId, Draft, Version, Theirs, Saving) = (rowId, draft, version, null, false);
        errors = [];
    }

    public void End()
    {
        (RowId, Draft, Theirs, Saving) = (null, null, null, false);
        errors = [];
    }

    public string? Error(string field) => errors.GetValueOrDefault(field);

    public void ClearError(string field) => errors.Remove(field);

    /// <summary>Shows a refusal's field messages; returns false when it names none of <paramref name="fields"/>, so the caller reports it elsewhere.</summary>
    public bool ShowFieldErrors(DomainError error, params string[] fields)
    {
        errors = error.Fields is { } named
            ? named.Where(f => fields.Contains(f.Key)).ToDictionary(f => f.Key, f => string.Join(" ", f.Value))
            : [];
        return errors.Count > 0;
    }

    public void SetError(string field, string message) => errors[field] = message;

    public bool HasErrors => errors.Count > 0;

    /// <summary>The save was stale: remember what is stored now and its version, keeping what was typed as the draft.</summary>
    public void Conflict(TDraft theirs, Guid theirVersion) => (Theirs, Version) = (theirs, theirVersion);

    /// <summary>"Keep mine": the next save goes over the stored version, which the user has now seen.</summary>
    public void KeepMine() => Theirs = null;

    /// <summary>"Take theirs": the draft becomes what is stored.</summary>
    public void TakeTheirs()
    {
        Draft = Theirs;
        Theirs = null;
    }
}
