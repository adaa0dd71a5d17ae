namespace ZealthyEmr.Web.Api.Providers;

/// <summary>A weekday missing from <see cref="Hours"/> is a day off; <see cref="IsActive"/> false stops new bookings.</summary>
public sealed record ProviderRequest(string? Name, string? Specialty, IReadOnlyList<HoursDto>? Hours, bool? IsActive, Guid? Version);
