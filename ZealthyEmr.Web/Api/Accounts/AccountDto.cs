using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Api.Accounts;

public sealed record AccountDto(string Id, string Name, string Email, string Role, bool SignInDisabled, bool LockedOut, int ActiveSessions)
{
    public static AccountDto From(AccountSummary a) => new(a.UserId, a.Name, a.Email, a.Role, a.SignInDisabled, a.LockedOut, a.ActiveSessions);
}
