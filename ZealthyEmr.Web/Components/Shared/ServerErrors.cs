using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Web.Components.Shared;

/// <summary>
/// Holds the last refusal from a domain service so a form can show each message beside its field, and
/// anything not tied to a field (a conflict, a stale edit) above the form.
/// </summary>
public sealed class ServerErrors
{
    private DomainError? error;

    public string? Summary => error is { Fields: null or { Count: 0 } } ? error.Message : null;

    public bool IsStale => error?.Code == ErrorCodes.Concurrency;

    public void Set(DomainError? value) => error = value;

    public void Clear() => error = null;

    public bool Has(string field) => error?.Fields?.ContainsKey(field) == true;

    public string? For(string field) => error?.Fields?.TryGetValue(field, out var messages) == true ? string.Join(" ", messages) : null;
}
