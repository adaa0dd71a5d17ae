using Microsoft.AspNetCore.Identity;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Seeding;

internal static class AccountSeeder
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    public static async Task<EmrUser> EnsureUserAsync(UserManager<EmrUser> users, string email, string password, string role, string displayName, bool mustChangePassword = false)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new EmrUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, MustChangePassword = mustChangePassword };
            Check(await users.CreateAsync(user, password), email);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), email);
        }

        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
