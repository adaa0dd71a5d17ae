using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Accounts;

/// <summary>An admin's control over any login's access: patients, staff and admins alike, by user id.</summary>
public static class AdminAccountsApi
{
    public static RouteGroupBuilder MapAdminAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/accounts").WithTags("Admin: accounts").RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithSummary("Staff and admin logins with their sign-in status");
        group.MapGet("/{userId}", GetAsync).WithSummary("One login's sign-in status (a patient's user id is in its login response)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{userId}/disable", DisableAsync).WithSummary("Disable sign-in: ends every session and token, refuses new sign-ins")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{userId}/enable", EnableAsync).WithSummary("Enable sign-in again")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{userId}/sign-out-everywhere", SignOutEverywhereAsync).WithSummary("End every portal session and API token of the login")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<AccountDto>>> ListAsync(AccountAccessService access, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<AccountDto>>([.. (await access.ListClinicAccountsAsync(ct)).Select(AccountDto.From)]);

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> GetAsync(string userId, AccountAccessService access, CancellationToken ct) =>
        await access.GetAsync(userId, ct) is { } account ? TypedResults.Ok(AccountDto.From(account)) : ApiProblems.NotFound("The account");

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> DisableAsync(
        string userId, ClaimsPrincipal admin, AccountAccessService access, CancellationToken ct) =>
        ToResult(await access.DisableSignInAsync(userId, admin.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct));

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> EnableAsync(string userId, AccountAccessService access, CancellationToken ct) =>
        ToResult(await access.EnableSignInAsync(userId, ct));

    private static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> SignOutEverywhereAsync(string userId, AccountAccessService access, CancellationToken ct) =>
        ToResult(await access.SignOutEverywhereAsync(userId, ct));

    private static Results<Ok<AccountDto>, ProblemHttpResult> ToResult(Result<AccountSummary> result) =>
        result.Succeeded ? TypedResults.Ok(AccountDto.From(result.Value!)) : ApiProblems.From(result.Error!);
}
