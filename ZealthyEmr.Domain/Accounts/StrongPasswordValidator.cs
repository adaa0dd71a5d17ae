using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>Every password Identity sets (create, change, reset, admin) goes through <see cref="PasswordPolicy"/>.</summary>
public sealed class StrongPasswordValidator : IPasswordValidator<EmrUser>
{
    public const string Code = "PasswordTooWeak";

    public Task<IdentityResult> ValidateAsync(UserManager<EmrUser> manager, EmrUser user, string? password)
    {
        var problem = PasswordPolicy.Problem(password, [user.DisplayName, user.Email, user.UserName]);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = Code, Description = problem }));
    }
}
