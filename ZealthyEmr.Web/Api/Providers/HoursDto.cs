namespace ZealthyEmr.Web.Api.Providers;

/// <summary>One weekday's hours in clinic time: <c>{ "day": "monday", "start": "09:00", "end": "17:00" }</c>; the end is exclusive.</summary>
public sealed record HoursDto(string? Day, string? Start, string? End);
