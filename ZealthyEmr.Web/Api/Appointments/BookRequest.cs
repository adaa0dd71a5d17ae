namespace ZealthyEmr.Web.Api.Appointments;

/// <summary>A slot exactly as availability returned it, or any instant with an offset or Z, or clinic local time.</summary>
public sealed record BookRequest(Guid? ProviderId, string? Datetime);
