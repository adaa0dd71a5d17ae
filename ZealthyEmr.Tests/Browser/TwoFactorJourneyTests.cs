using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Accounts;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Patient_EnrolsAnAuthenticator_ThenSignsInWithItsCode_AndLaterWithARecoveryCode()
    {
        var email = await browser.App.CreatePatientLoginAsync("Tia Totp");
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, DemoLogins.Password);
        await page.WaitForCircuitAsync();

        await page.GetByTestId("account-security").ClickAsync();
        await page.GetByTestId("manage-two-factor").ClickAsync();
        await page.GetByTestId("set-up-authenticator").ClickAsync();
        await Assertions.Expect(page.GetByTestId("authenticator-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.FillAsync("#code", Totp.Code(key));
        await page.GetByTestId("verify").ClickAsync();
        await page.ScreenshotIfRequestedAsync("two-factor-after-verify");

        var codes = page.GetByTestId("recovery-codes").Locator("li");
        await ExpectRecoveryCodesAsync(page, codes);
        var recoveryCode = (await codes.First.InnerTextAsync()).Trim();
        await AssertAuditedAsync(email);
        await page.ScreenshotIfRequestedAsync("two-factor-recovery-codes");

        await SignOutAsync(page);
        await page.SignInAsync(email, DemoLogins.Password);
        await page.WaitForAddressAsync("**/account/login-2fa**");
        await page.FillAsync("#code", "000000" == Totp.Code(key) ? "111111" : "000000");
        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("not right");
        await page.FillAsync("#code", Totp.Code(key));
        await page.GetByTestId("verify").ClickAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Tia Totp");

        await SignOutAsync(page);
        await page.SignInAsync(email, DemoLogins.Password);
        await page.GetByTestId("use-recovery-code").ClickAsync();
        await page.FillAsync("#recovery-code", recoveryCode);
        await page.GetByTestId("verify").ClickAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Tia Totp");

        await SignOutAsync(page);
        await page.SignInAsync(email, DemoLogins.Password);
        await page.GetByTestId("use-recovery-code").ClickAsync();
        await page.FillAsync("#recovery-code", recoveryCode);
        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToContainTextAsync("already used");
    }

    private async Task AssertAuditedAsync(string email)
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.True(await db.Set<AuditEvent>().AnyAsync(e => e.Action == AuditAction.TwoFactorChanged && e.EntityId == userId));
    }

    // When this step fails it says where the page was and what it said. That showed the sign-in page: a favicon request
    // sent with the cookie from before the new key had deleted the cookie the key's page had just set (now fixed in
    // SessionCookieEvents, with an integration test in SessionRevocationTests).
    private static async Task ExpectRecoveryCodesAsync(IPage page, ILocator codes)
    {
        try
        {
            await Assertions.Expect(codes).ToHaveCountAsync(TwoFactorService.RecoveryCodeCount);
        }
        catch (PlaywrightException e)
        {
            var status = await page.GetByTestId("status-message").AllInnerTextsAsync();
            var code = await page.Locator("#code").AllAsync() is [var input] ? await input.InputValueAsync() : "(no code field)";
            throw new Xunit.Sdk.XunitException($"No recovery codes at {page.Url}; status: [{string.Join(" | ", status)}]; code field: '{code}'. {e.Message}");
        }
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForAddressAsync("**/account/login");
    }
}
