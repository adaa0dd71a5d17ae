namespace ZealthyEmr.Web.Api.Appointments;

/// <summary>
/// A slot exactly as availability returned it, or any instant with an offset or Z, or clinic local time.
/// The original contract's fields: <see cref="Provider"/> (a name, any case, or an id) instead of <see cref="ProviderId"/>;
/// <see cref="UserId"/>, when sent, must be the caller's own patient id; <see cref="Repeat"/> weekly or monthly books a series.
/// </summary>
public sealed record BookRequest(Guid? ProviderId, string? Datetime, string? Provider = null, string? UserId = null, string? Repeat = null);
