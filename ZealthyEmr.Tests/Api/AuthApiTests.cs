using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

public sealed class AuthApiTests
{
    [Fact]
    public async Task FifthWrongPassword_LocksTheAccount_AndTheRightPasswordIsRefused_WithTheSameAnswer()
    {
        await using var api = new ApiApp();
        await api.InitializeAsync();
        using var client = api.Anonymous();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Lisa, password = "nope-nope" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("INVALID_CREDENTIALS", await ProblemAssert.IsProblemAsync(wrong));
        }

        using var fifth = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Lisa, password = "nope-nope" });
        Assert.Equal("INVALID_CREDENTIALS", await ProblemAssert.IsProblemAsync(fifth));
        using var right = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Lisa, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("INVALID_CREDENTIALS", await ProblemAssert.IsProblemAsync(right));
        await using var scope = api.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoLogins.Lisa))!));
    }

    [Fact]
    public async Task LoginLimiter_Answers429WithRetryAfter_PastTheConfiguredLimit()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>
        {
            ["Api:RateLimits:LoginPermitLimit"] = "2",
            ["Api:RateLimits:LoginWindowSeconds"] = "300",
        });
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Admin, password = DemoLogins.Password });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Admin, password = DemoLogins.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("TOO_MANY_REQUESTS", await ProblemAssert.IsProblemAsync(limited));
    }

    [Fact]
    public async Task Token_StopsWorking_WhenTheUserIsLockedOut_OrArchived()
    {
        await using var api = new ApiApp();
        await api.InitializeAsync();
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        using var lisa = await api.AsAsync(DemoLogins.Lisa);
        using var markClient = await api.AsAsync(DemoLogins.Mark);
        Assert.Equal(HttpStatusCode.OK, (await lisa.GetAsync(ApiApp.SignedInProbe)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await markClient.GetAsync(ApiApp.SignedInProbe)).StatusCode);

        await using (var scope = api.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
            var user = (await users.FindByEmailAsync(DemoLogins.Lisa))!;
            await users.SetLockoutEndDateAsync(user, api.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1));
        }

        var archived = await api.App.Services.GetRequiredService<PatientArchiveService>().ArchiveAsync(mark);
        Assert.True(archived.Succeeded);

        using var locked = await lisa.GetAsync(ApiApp.SignedInProbe);
        using var gone = await markClient.GetAsync(ApiApp.SignedInProbe);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        Assert.Equal("UNAUTHORIZED", await ProblemAssert.IsProblemAsync(gone));
    }

    [Fact]
    public async Task TamperedOrForeignTokens_AreRefused()
    {
        await using var api = new ApiApp();
        await api.InitializeAsync();
        var token = await api.LoginAsync(DemoLogins.Mark);
        var parts = token.Split('.');
        using var client = api.Anonymous();

        foreach (var bad in new[] { parts[0] + "." + parts[1] + ".AAAA", "not-a-token", parts[0] + ".." + parts[2] })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bad);
            using var response = await client.GetAsync(ApiApp.SignedInProbe);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
