using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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
    private bool firstCellFocus;

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
        (RowId, Draft, Version, Theirs, Saving, firstCellFocus) = (rowId, draft, version, null, false, true);
        errors = [];
    }

    /// <summary>
    /// True once per edit, at the first ask after it began: the page then offers focus to the row's first cell
    /// (<see cref="FirstCellFocus"/>). Not again when a live change rebuilds the row's cells while they are being typed in.
    /// </summary>
    public bool TakeFirstCellFocus()
    {
        var take = firstCellFocus && RowId is not null;
        firstCellFocus = false;
        return take;
    }

    public void End()
    {
        (RowId, Draft, Theirs, Saving) = (null, null, null, false);
        errors = [];
    }

    public string? Error(string field) => errors.GetValueOrDefault(field);

    /// <summary>Applies one cell's change to the draft and clears that cell's message.</summary>
    public void Change(Func<TDraft, TDraft> change, string? field)
    {
        Draft = change(Draft!);
        if (field is not null)
        {
            errors.Remove(field);
        }
    }

    /// <summary>
    /// A text cell's change: updates the draft without re-rendering the page. A page re-render per keystroke hands
    /// the field back a value one keystroke behind, and whatever was typed meanwhile is lost; the field shows what
    /// is typed by itself, and the page's next render (a save, a live change) reads the draft.
    /// </summary>
    public EventCallback<T> OnCell<T>(Func<TDraft, T, TDraft> apply, string? field) =>
        new(null, (Action<T>)(value => Change(draft => apply(draft, value), field)));

    /// <summary>Enter saves the row and Escape abandons it; Tab is left to the browser, which moves between the cells' fields.</summary>
    public async Task OnKeyAsync(KeyboardEventArgs e, Func<Task> save)
    {
        if (e.Key == "Enter")
        {
            await save();
        }
        else if (e.Key == "Escape")
        {
            End();
        }
    }

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
