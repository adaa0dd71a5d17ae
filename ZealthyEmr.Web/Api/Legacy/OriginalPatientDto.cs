namespace ZealthyEmr.Web.Api.Legacy;

public sealed record OriginalPatientDto(Guid Id, string Name, string Email);
