namespace ZealthyEmr.Web.Api.Auth;

/// <summary><see cref="PatientId"/> is set for a patient's login: the id their patient-scoped routes take.</summary>
public sealed record ApiUserDto(string Id, string Email, string Name, IReadOnlyList<string> Roles, string? PatientId);
