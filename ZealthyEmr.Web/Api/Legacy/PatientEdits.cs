using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Web.Api.Patients;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// A partial patient edit: absent or empty fields keep their values, and a password, when sent, becomes the login's
/// new password. The password is checked against the password rules before anything is saved, so a refused
/// password leaves the patient untouched.
/// </summary>
public static class PatientEdits
{
    public const string PasswordField = "password";

    public static async Task<Result<Guid>> UpdateAsync(
        Guid id, PatientUpdateRequest body, PatientAdminService patients, UserManager<EmrUser> users, CancellationToken ct)
    {
        if (body.ChangesNothing)
        {
            return DomainError.Validation("body", "Send at least one of name, email, password, dateOfBirth or phone.");
        }

        var current = await patients.GetAsync(id, ct);
        if (current is null)
        {
            return DomainError.NotFound("The patient");
        }

        var login = await users.FindByEmailAsync(current.Email);
        if (!string.IsNullOrEmpty(body.Password))
        {
            if (login is null)
            {
                return DomainError.Validation(PasswordField, "This patient has no login to set a password on.");
            }

            foreach (var validator in users.PasswordValidators)
            {
                var checkedPassword = await validator.ValidateAsync(users, login, body.Password);
                if (!checkedPassword.Succeeded)
                {
                    var messages = checkedPassword.Errors.Select(e => e.Description).ToArray();
                    return new DomainError(ErrorCodes.Validation, string.Join(" ", messages), new Dictionary<string, string[]> { [PasswordField] = messages });
                }
            }
        }

        var input = new PatientInput(
            string.IsNullOrWhiteSpace(body.Name) ? current.Name : body.Name,
            string.IsNullOrWhiteSpace(body.Email) ? current.Email : body.Email,
            body.HasDateOfBirth ? body.DateOfBirth : current.DateOfBirth,
            body.HasPhone ? body.Phone : current.Phone);
        var updated = await patients.UpdateAsync(id, input, body.Version ?? current.Version, ct);
        if (!updated.Succeeded || string.IsNullOrEmpty(body.Password) || login is null)
        {
            return updated;
        }

        // Re-read: the edit above may have changed the login's email and security stamp.
        login = await users.FindByIdAsync(login.Id) ?? throw new InvalidOperationException($"Patient {id}'s login disappeared.");
        var reset = await users.ResetPasswordAsync(login, await users.GeneratePasswordResetTokenAsync(login), body.Password);
        return reset.Succeeded
            ? updated
            : throw new InvalidOperationException($"Setting a validated password failed: {string.Join("; ", reset.Errors.Select(e => e.Description))}");
    }
}
