using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

/// <summary>
/// Chromium's virtual authenticator stands in for a phone or laptop. WebAuthn refuses IP addresses as the relying
/// party, so these pages use http://localhost (a secure context) on the fixture's port instead of 127.0.0.1.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeyJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Patient_RegistersAPasskey_SignsInWithItInsteadOfThePassword_AndUsesItAsTheSecondFactor()
    {
        var email = await browser.App.CreatePatientLoginAsync("Pam Passkey");
        var page = await NewLocalhostPageWithAuthenticatorAsync();

        await page.SignInAsync(email, DemoLogins.Password);
        await page.WaitForCircuitAsync();
        await page.GotoAsync("/account/manage/passkeys");
        await page.FillAsync("#passkey-name", "Test laptop");
        await page.GetByTestId("add-passkey").ClickAsync();
        await page.WaitForAddressAsync("**/account/manage?status=passkey-added");
        await Assertions.Expect(page.GetByTestId("manage-passkeys")).ToContainTextAsync("Passkeys: 1");
        await page.GotoAsync("/account/manage/passkeys");
        await Assertions.Expect(page.GetByTestId("passkey-list")).ToContainTextAsync("Test laptop");

        await SignOutAsync(page);
        await page.GetByTestId("passkey-sign-in").ClickAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Pam Passkey");

        // Turning two factors on renews the security stamp, which ends this session too.
        await TurnOnAuthenticatorAsync(email);
        await page.GotoAsync("/");
        await page.WaitForAddressAsync("**/account/login**");
        await page.SignInAsync(email, DemoLogins.Password);
        await page.WaitForAddressAsync("**/account/login-2fa**");
        await page.GetByTestId("passkey-sign-in").ClickAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Pam Passkey");
    }

    private async Task<IPage> NewLocalhostPageWithAuthenticatorAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://localhost:{browser.BaseAddress.Port}/" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return page;
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForAddressAsync("**/account/login");
    }

    private async Task TurnOnAuthenticatorAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
    }
}
