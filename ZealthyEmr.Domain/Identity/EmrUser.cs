using Microsoft.AspNetCore.Identity;

namespace ZealthyEmr.Domain.Identity;

public sealed class EmrUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Remembered per user so the portal opens in the theme they chose last time, on any device.</summary>
    public bool PrefersDarkMode { get; set; }

    /// <summary>Set when someone else chose the password (the bootstrap admin, an admin's temporary password); cleared by the user's own change.</summary>
    public bool MustChangePassword { get; set; }
}
