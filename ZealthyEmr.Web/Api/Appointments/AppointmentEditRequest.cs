using System.Text.Json.Serialization;

namespace ZealthyEmr.Web.Api.Appointments;

/// <summary>
/// A series keeps its time and provider (a new time is a new appointment); send <see cref="Version"/> to refuse a stale
/// edit. Every field is optional and null clears, so unknown fields are refused: a body meant for another resource
/// (or a misspelt "end_date") must not silently clear the end date and notes.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AppointmentEditRequest(DateOnly? EndDate, string? Notes, Guid? Version);
