using System.Text.Json.Serialization;

namespace ZealthyEmr.Web.Api.Patients;

/// <summary>
/// Every field is optional, and an absent or empty one leaves the value as it is (the original contract's
/// <c>{name?, email?, password?}</c>); <see cref="DateOfBirth"/> and <see cref="Phone"/> sent as null clear them.
/// Send <see cref="Version"/> from the read to refuse an edit made on stale data; without it the latest version is edited.
/// </summary>
public sealed class PatientUpdateRequest
{
    private readonly DateOnly? dateOfBirth;
    private readonly string? phone;

    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary>A new password for the patient's login; their existing tokens stop working.</summary>
    public string? Password { get; init; }

    public DateOnly? DateOfBirth { get => dateOfBirth; init => (dateOfBirth, HasDateOfBirth) = (value, true); }

    public string? Phone { get => phone; init => (phone, HasPhone) = (value, true); }

    public Guid? Version { get; init; }

    /// <summary>The setters run only for members present in the JSON, so an absent field is told from a null one.</summary>
    [JsonIgnore]
    public bool HasDateOfBirth { get; private init; }

    [JsonIgnore]
    public bool HasPhone { get; private init; }

    [JsonIgnore]
    public bool ChangesNothing =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrEmpty(Password) && !HasDateOfBirth && !HasPhone;
}
