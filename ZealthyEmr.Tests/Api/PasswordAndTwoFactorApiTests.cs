using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

public sealed class PasswordAndTwoFactorApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    private const string NewPassword = "Juniper-Socket-Meadow-17";

    [Fact]
    public async Task AdminSetPassword_LoginAnswersPasswordChangeRequired_UntilChangedThroughTheApi()
    {
        var email = $"temp-{Guid.NewGuid():N}@clinic.test";
        using var admin = await api.AsAsync(DemoLogins.Admin);
        using var created = await admin.PostAsJsonAsync("/api/auth/register", new { email, password = DemoLogins.Password, name = "Tess Temp", role = "Staff" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var client = api.Anonymous();

        using var refused = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("PASSWORD_CHANGE_REQUIRED", await ProblemAssert.IsProblemAsync(refused));
        Assert.DoesNotContain("token", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var weak = await client.PostAsJsonAsync("/api/auth/password", new { email, currentPassword = DemoLogins.Password, newPassword = "password1234" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("too easy to guess", await weak.Content.ReadAsStringAsync());

        using var wrongCurrent = await client.PostAsJsonAsync("/api/auth/password", new { email, currentPassword = "Not-Her-Password-At-All", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCurrent.StatusCode);

        using var changed = await client.PostAsJsonAsync("/api/auth/password", new { email, currentPassword = DemoLogins.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var old = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsTheTokensIssuedBefore()
    {
        var email = await CreateUserAsync(twoFactor: false);
        var token = await api.LoginAsync(email);
        using var before = api.Anonymous();
        before.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var works = await before.GetAsync(ApiApp.SignedInProbe))
        {
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        }

        using var changed = await api.Anonymous().PostAsJsonAsync("/api/auth/password", new { email, currentPassword = DemoLogins.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var after = await before.GetAsync(ApiApp.SignedInProbe);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task TwoFactorAccount_NeedsAValidCode_AndAcceptsARecoveryCodeOnce()
    {
        var email = await CreateUserAsync(twoFactor: true);
        var (key, recovery) = await EnableAuthenticatorAsync(email);
        using var client = api.Anonymous();

        using var noCode = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
        Assert.Equal("TWO_FACTOR_REQUIRED", await ProblemAssert.IsProblemAsync(noCode));

        using var wrongCode = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password, code = WrongCode(key) });
        Assert.Equal("TWO_FACTOR_REQUIRED", await ProblemAssert.IsProblemAsync(wrongCode));

        using var withCode = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password, code = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        using (var body = JsonDocument.Parse(await withCode.Content.ReadAsStringAsync()))
        {
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("token").GetString()));
        }

        using var withRecovery = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password, code = recovery });
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
        using var reused = await client.PostAsJsonAsync("/api/auth/login", new { email, password = DemoLogins.Password, code = recovery });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
    }

    [Fact]
    public async Task PasswordChange_ForATwoFactorAccount_NeedsTheCodeToo()
    {
        var email = await CreateUserAsync(twoFactor: true);
        var (key, _) = await EnableAuthenticatorAsync(email);
        using var client = api.Anonymous();

        using var noCode = await client.PostAsJsonAsync("/api/auth/password", new { email, currentPassword = DemoLogins.Password, newPassword = NewPassword });
        Assert.Equal("TWO_FACTOR_REQUIRED", await ProblemAssert.IsProblemAsync(noCode));

        using var withCode = await client.PostAsJsonAsync("/api/auth/password", new { email, currentPassword = DemoLogins.Password, newPassword = NewPassword, code = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.NoContent, withCode.StatusCode);
    }

    /// <summary>A code from well outside the accepted window, so it is wrong however the clock falls.</summary>
    private static string WrongCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-3));

    private async Task<string> CreateUserAsync(bool twoFactor)
    {
        var email = $"{(twoFactor ? "tf" : "pw")}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = api.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = new EmrUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Person" };
        Assert.True((await users.CreateAsync(user, DemoLogins.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Staff)).Succeeded);
        return email;
    }

    private async Task<(string Key, string RecoveryCode)> EnableAuthenticatorAsync(string email)
    {
        await using var scope = api.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return (key, codes!.First());
    }
}
