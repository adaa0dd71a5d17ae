namespace ZealthyEmr.Domain.Sessions;

/// <summary>
/// One signed-in browser. The cookie carries only <see cref="Id"/> (inside the protected cookie); the sign-in ticket
/// lives here, so deleting the row ends the session at once, whoever holds a copy of the cookie.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The authentication ticket, serialized and encrypted with Data Protection.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime LastActivityUtc { get; set; }

    /// <summary>The absolute end (sign-in time plus <c>Security:AbsoluteSessionLifetime</c>), whatever the activity.</summary>
    public DateTime ExpiresUtc { get; set; }

    /// <summary>Browser and operating system from the user agent, e.g. "Firefox on Windows".</summary>
    public string Device { get; set; } = "";

    public string? ClientAddress { get; set; }
}
