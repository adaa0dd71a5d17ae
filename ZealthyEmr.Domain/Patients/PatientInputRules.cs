using System.Net.Mail;
using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Domain.Patients;

/// <summary>The checks a patient's own fields must pass; lengths match the column sizes in PatientConfiguration.</summary>
internal static class PatientInputRules
{
    public const string NameField = "name";
    public const string EmailField = "email";
    public const string PhoneField = "phone";
    public const string DateOfBirthField = "dateOfBirth";
    public const string PasswordField = "password";

    public static PatientInput Normalize(PatientInput input) => input with
    {
        Name = input.Name?.Trim() ?? "",
        Email = input.Email?.Trim() ?? "",
        Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(),
    };

    public static DomainError? Validate(PatientInput input, DateOnly today)
    {
        if (input.Name.Length == 0)
        {
            return DomainError.Validation(NameField, "Enter the patient's name.");
        }

        if (input.Name.Length > 200)
        {
            return DomainError.Validation(NameField, "The name can be at most 200 characters.");
        }

        if ((TextRules.PlainText(NameField, "name", input.Name) ?? TextRules.PlainText(PhoneField, "phone number", input.Phone)) is { } unsafeText)
        {
            return unsafeText;
        }

        if (input.Email.Length == 0)
        {
            return DomainError.Validation(EmailField, "Enter the patient's email address; it is their login.");
        }

        if (input.Email.Length > 256 || !IsEmail(input.Email))
        {
            return DomainError.Validation(EmailField, "Enter a valid email address, for example name@example.com.");
        }

        if (input.Phone is { Length: > 40 })
        {
            return DomainError.Validation(PhoneField, "The phone number can be at most 40 characters.");
        }

        if (input.DateOfBirth > today)
        {
            return DomainError.Validation(DateOfBirthField, "The date of birth cannot be in the future.");
        }

        return null;
    }

    public static DomainError DuplicateEmail(string email) =>
        new(ErrorCodes.DuplicateEmail, $"{email} is already used by another account.", new Dictionary<string, string[]> { [EmailField] = [$"{email} is already used by another account."] });

    // MailAddress accepts display-name forms ("Ann <a@b.c>"); requiring the parsed address to equal the input refuses them.
    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);
}
