using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Web.Components.Pages.Admin.Providers;

/// <summary>The provider fields the grid edits in place; working hours stay in the dialog, where a week fits.</summary>
public sealed record ProviderRowDraft(string Name, string Specialty, bool IsActive)
{
    public static ProviderRowDraft From(ProviderDetails provider) => new(provider.Name, provider.Specialty, provider.IsActive);
}
