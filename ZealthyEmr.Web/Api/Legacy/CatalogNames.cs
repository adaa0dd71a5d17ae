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
    public async Task<Result<Guid>> ProviderAsync(string? nameOrId, Guid? id, string field, CancellationToken ct)
    {
        if (id is { } given)
        {
            return given;
        }

        if (string.IsNullOrWhiteSpace(nameOrId))
        {
            return DomainError.Validation(field, "Choose a provider (name or id).");
        }

        if (Guid.TryParse(nameOrId, out var parsed))
        {
            return parsed;
        }

        var name = nameOrId.Trim();
        var match = (await providers.ListAsync(activeOnly: false, ct)).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? DomainError.Validation(field, $"No provider is named \"{Shorten(name)}\".")
            : match.Id;
    }

    public async Task<Result<Guid>> MedicationAsync(string? nameOrId, Guid? id, string field, CancellationToken ct)
    {
        if (id is { } given)
        {
            return given;
        }

        if (string.IsNullOrWhiteSpace(nameOrId))
        {
            return DomainError.Validation(field, "Choose a medication from the catalog (name or id).");
        }

        if (Guid.TryParse(nameOrId, out var parsed))
        {
            return parsed;
        }

        var name = nameOrId.Trim();
        var match = (await medications.ListAsync(includeRetired: true, ct)).FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? DomainError.Validation(field, $"No medication in the catalog is named \"{Shorten(name)}\".")
            : match.Id;
    }

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";
}
