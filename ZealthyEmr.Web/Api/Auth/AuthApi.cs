using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Security;

namespace ZealthyEmr.Web.Api.Auth;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(ApiRateLimits.Login)
            .WithSummary("Exchange an email and password for a bearer token")
            .WithDescription("Example body: { \"email\": \"mark@some-email-provider.net\", \"password\": \"Lantern-Orbit-Maple-42\" }. Five failures lock the account for 15 minutes; a locked account gets the same 401 INVALID_CREDENTIALS as a wrong password. "
                + "With two factors on, add \"code\" (authenticator code or recovery code) or get 401 TWO_FACTOR_REQUIRED; a password set by an admin answers 403 PASSWORD_CHANGE_REQUIRED until changed through POST /api/auth/password.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/register", RegisterAsync).RequireAuthorization(ApiPolicies.Admin)
            .WithSummary("Create a login with a role (Admin only)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, SignInManager<EmrUser> signIn, CredentialCheck credentials, JwtTokenIssuer issuer, PatientPortalService portal, Legacy.LoginSnapshot snapshot, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Email) || string.IsNullOrEmpty(body.Password))
        {
            return ApiProblems.Problem(ErrorCodes.Validation, "Enter your email and password.", new Dictionary<string, string[]>
            {
                ["email"] = string.IsNullOrWhiteSpace(body.Email) ? ["Enter your email."] : [],
                ["password"] = string.IsNullOrEmpty(body.Password) ? ["Enter your password."] : [],
            }.Where(f => f.Value.Length > 0).ToDictionary());
        }

        // Unknown, locked and wrong all answer alike and take the same time, so the answer does not reveal accounts.
        // Every failure counts toward lockout, as in the portal's sign-in.
        var user = await credentials.FindSignInCandidateAsync(body.Email, body.Password);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        await credentials.RecordAttemptAsync(body.Email, user, result, ct);
        if (user is null || !result.Succeeded)
        {
            if (user is not null)
            {
                await credentials.ReportLockoutAsync(user, result, ct);
            }

            return ApiProblems.Problem(ApiProblems.InvalidCredentials, "The email or password is not right, or the account is locked after too many failed sign-ins.");
        }

        if (await AccountChecks.RefuseTokenAsync(signIn.UserManager, user, body.Code) is { } refused)
        {
            return refused;
        }

        var roles = await signIn.UserManager.GetRolesAsync(user);
        var dto = await ToDtoAsync(user, roles, portal, ct);
        var (token, expires) = issuer.Issue(user);
        return TypedResults.Ok(await snapshot.BuildAsync(token, expires, dto, ct));
    }

    private static async Task<Results<Created<ApiUserDto>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest body, UserManager<EmrUser> users, PatientAdminService patients, PatientPortalService portal, CancellationToken ct)
    {
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, body.Role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            return ApiProblems.Validation("role", "Choose a role: Admin, Staff or Patient.");
        }

        if (string.IsNullOrEmpty(body.Password))
        {
            return ApiProblems.Validation("password", "Enter a password.");
        }

        if (role == Roles.Patient)
        {
            // A patient login is a patient record too; the admin service creates both in one transaction.
            var created = await patients.CreateAsync(new PatientInput(body.Name ?? "", body.Email ?? ""), body.Password, ct);
            if (!created.Succeeded)
            {
                return ApiProblems.From(created.Error!);
            }
        }
        else
        {
            var name = body.Name?.Trim() ?? "";
            var email = body.Email?.Trim() ?? "";
            if (name.Length is 0 or > 200)
            {
                return ApiProblems.Validation("name", "Enter the person's name (at most 200 characters).");
            }

            if (TextRules.PlainText("name", "name", name) is { } unsafeName)
            {
                return ApiProblems.From(unsafeName);
            }

            // The admin chose this password, so the new user replaces it at their first sign-in.
            var staff = new EmrUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, MustChangePassword = true };
            var created = await users.CreateAsync(staff, body.Password);
            if (!created.Succeeded)
            {
                return ApiProblems.From(ToDomainError(created, email));
            }

            var added = await users.AddToRoleAsync(staff, role);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Adding role {role} failed: {string.Join("; ", added.Errors.Select(e => e.Description))}");
            }
        }

        var user = await users.FindByEmailAsync(body.Email!.Trim()) ?? throw new InvalidOperationException("The new login was not found.");
        var dto = await ToDtoAsync(user, [role], portal, ct);
        return TypedResults.Created($"/api/auth/users/{dto.Id}", dto);
    }

    private static DomainError ToDomainError(IdentityResult result, string email)
    {
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) || codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return new DomainError(ErrorCodes.DuplicateEmail, $"{email} is already used by another account.", new Dictionary<string, string[]> { ["email"] = ["Already used."] });
        }

        var field = codes.Any(c => c.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
        var messages = result.Errors.Select(e => e.Description).ToArray();
        return new DomainError(ErrorCodes.Validation, string.Join(" ", messages), new Dictionary<string, string[]> { [field] = messages });
    }

    private static async Task<ApiUserDto> ToDtoAsync(EmrUser user, IEnumerable<string> roles, PatientPortalService portal, CancellationToken ct)
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id)]));
        var patientId = await portal.FindPatientIdAsync(principal, ct);
        return new ApiUserDto(user.Id, user.Email ?? "", user.DisplayName, [.. roles], patientId?.ToString());
    }
}
