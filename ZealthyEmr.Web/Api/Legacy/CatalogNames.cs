using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The original client names providers and medications ("Dr Sally Field", "Diovan"); ours sends ids. Either is
/// accepted wherever a body or path names one: an id as is, a name matched exactly but ignoring case. An unknown
/// name is a 400 on the field, never a guess.
/// </summary>
public sealed class CatalogNames(ProviderDirectory providers, MedicationService medications)
{
    public Task<Result<Guid>> ProviderAsync(string? nameOrId, Guid? id, string field, CancellationToken ct) =>
        ResolveAsync(nameOrId, id, field, "provider", "No provider is named",
            async () => (await providers.ListAsync(activeOnly: false, ct)).Select(p => (p.Id, p.Name)));

    public Task<Result<Guid>> MedicationAsync(string? nameOrId, Guid? id, string field, CancellationToken ct) =>
        ResolveAsync(nameOrId, id, field, "medication from the catalog", "No medication in the catalog is named",
            async () => (await medications.ListAsync(includeRetired: true, ct)).Select(m => (m.Id, m.Name)));

    private static async Task<Result<Guid>> ResolveAsync(
        string? nameOrId, Guid? id, string field, string what, string unknown, Func<Task<IEnumerable<(Guid Id, string Name)>>> catalog)
    {
        if (id is { } given)
        {
            return given;
        }

        if (string.IsNullOrWhiteSpace(nameOrId))
        {
            return DomainError.Validation(field, $"Choose a {what} (name or id).");
        }

        if (Guid.TryParse(nameOrId, out var parsed))
        {
            return parsed;
        }

        var name = nameOrId.Trim();
        var match = (await catalog()).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        return match == default
            ? DomainError.Validation(field, $"{unknown} \"{(name.Length <= 80 ? name : name[..80] + "…")}\".")
            : match.Id;
    }
}
