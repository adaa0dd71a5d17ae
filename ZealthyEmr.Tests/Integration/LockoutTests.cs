using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

public sealed class LockoutTests
{
    [Fact]
    public async Task FifthWrongPassword_LocksTheAccount_AndTheRightPasswordGetsTheWrongPasswordAnswer()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostLoginAsync(DemoLogins.Lisa, "not-her-password");
            Assert.Contains("error=invalid", wrong.Headers.Location?.OriginalString);
        }

        using var fifth = await client.PostLoginAsync(DemoLogins.Lisa, "not-her-password");
        Assert.Contains("error=invalid", fifth.Headers.Location?.OriginalString);

        using var right = await client.PostLoginAsync(DemoLogins.Lisa, DemoLogins.Password);
        Assert.Contains("error=invalid", right.Headers.Location?.OriginalString);
        Assert.Equal(fifth.Headers.Location, right.Headers.Location);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoLogins.Lisa))!));
    }
}
