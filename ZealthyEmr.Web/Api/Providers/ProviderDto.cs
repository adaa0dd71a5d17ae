namespace ZealthyEmr.Web.Api.Providers;

public record ProviderDto(Guid Id, string Name, string Specialty, bool IsActive, IReadOnlyList<HoursDto> Hours, Guid Version);
