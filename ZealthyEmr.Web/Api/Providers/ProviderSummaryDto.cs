namespace ZealthyEmr.Web.Api.Providers;

public sealed record ProviderSummaryDto(Guid Id, string Name, string Specialty, bool IsActive);
