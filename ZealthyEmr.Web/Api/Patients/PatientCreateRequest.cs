namespace ZealthyEmr.Web.Api.Patients;

/// <summary>The email is the patient's login; <see cref="Password"/> is their first password.</summary>
public sealed record PatientCreateRequest(string? Name, string? Email, string? Password, DateOnly? DateOfBirth, string? Phone);
