using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

public sealed class BootstrapAdminTests
{
    [Fact]
    public async Task FirstAdmin_IsCreatedFromConfiguration_WhenNoAdminExists()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "false",
            ["Bootstrap:AdminEmail"] = "first.admin@clinic.test",
            ["Bootstrap:AdminPassword"] = "Harbor-Violet-Thimble-31",
        });
        _ = app.Server;

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var admin = await users.FindByEmailAsync("first.admin@clinic.test");

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "Harbor-Violet-Thimble-31"));
        Assert.Single(await users.GetUsersInRoleAsync(Roles.Admin));
        Assert.True(admin.MustChangePassword, "the configured password must be replaced at the first sign-in");
    }
}
