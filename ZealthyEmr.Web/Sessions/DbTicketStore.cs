using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using ZealthyEmr.Domain.Sessions;

namespace ZealthyEmr.Web.Sessions;

/// <summary>
/// Keeps the portal's sign-in tickets in the database, so the cookie holds only the session id and signing out
/// (or an admin ending the session) makes every copy of the cookie worthless at once.
/// </summary>
internal sealed class DbTicketStore(SessionStore sessions, IDataProtectionProvider dataProtection) : ITicketStore
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("ZealthyEmr.Sessions.Ticket.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, httpContext: null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, httpContext: null, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A portal sign-in has no user id.");

        // The stored principal names its session, so an open circuit can check and end exactly this one.
        (ticket.Principal.Identity as ClaimsIdentity)?.AddClaim(new Claim(SessionClaims.SessionId, id.ToString("N")));
        var device = DeviceSummary.From(httpContext?.Request.Headers.UserAgent.ToString());
        var address = httpContext?.Connection.RemoteIpAddress?.ToString();
        await sessions.CreateAsync(id, userId, Protect(ticket), device, address, cancellationToken);
        return id.ToString("N");
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        Guid.TryParseExact(key, "N", out var id) ? sessions.RenewAsync(id, Protect(ticket), cancellationToken) : Task.CompletedTask;

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, httpContext: null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, httpContext: null, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return null;
        }

        var lookup = await sessions.FindAsync(id, CountsAsActivity(httpContext), cancellationToken);
        return lookup.State == SessionState.Active ? Unprotect(lookup.Session!.Ticket) : null;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        Guid.TryParseExact(key, "N", out var id) ? sessions.RemoveAsync(id, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// A page load or form post is the user acting; the circuit's own connection (SignalR negotiation, reconnects)
    /// is not, or an open but untouched tab would never time out. Input inside a page arrives from the circuit.
    /// </summary>
    private static bool CountsAsActivity(HttpContext? httpContext) =>
        httpContext is not null && !httpContext.Request.Path.StartsWithSegments("/_blazor");

    private byte[] Protect(AuthenticationTicket ticket) => protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(data));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring no longer holds the key (rotated out): the session is as good as ended.
            return null;
        }
    }
}
