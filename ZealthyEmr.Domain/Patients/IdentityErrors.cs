using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Domain.Patients;

/// <summary>Turns Identity's failures into the domain's errors, keeping Identity's own wording for password rules.</summary>
internal static class IdentityErrors
{
    public static DomainError ToDomainError(IdentityResult result, string email)
    {
        var errors = result.Errors.ToList();
        if (errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return PatientInputRules.DuplicateEmail(email);
        }

        if (errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return DomainError.Stale("The patient's login");
        }

        var passwordErrors = errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).Select(e => e.Description).ToArray();
        if (passwordErrors.Length > 0)
        {
            return new DomainError(ErrorCodes.Validation, string.Join(" ", passwordErrors), new Dictionary<string, string[]> { [PatientInputRules.PasswordField] = passwordErrors });
        }

        var other = errors.Select(e => e.Description).ToArray();
        return new DomainError(ErrorCodes.Validation, string.Join(" ", other), new Dictionary<string, string[]> { [PatientInputRules.EmailField] = other });
    }

    /// <summary>For steps that only fail on a bug or a broken database (a missing role), which are exceptions, not results.</summary>
    public static void ThrowIfFailed(IdentityResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity failed {step}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
