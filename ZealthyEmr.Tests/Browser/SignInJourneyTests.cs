using Microsoft.Playwright;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Mark_SignsIn_AndSeesHisNameInThePortal()
    {
        var page = await browser.NewPageAsync();

        await page.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Mark Johnson");
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(DemoLogins.Mark);
        Assert.EndsWith("/", page.Url);
    }

    [Fact]
    public async Task Admin_SignsIn_AndLandsOnAdmin()
    {
        var page = await browser.NewPageAsync();

        await page.SignInAsync(DemoLogins.Admin, DemoLogins.Password);
        await page.WaitForCircuitAsync();

        Assert.EndsWith("/admin", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patients" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAnError_AndTheFifthLocksTheAccount()
    {
        var page = await browser.NewPageAsync();

        await page.SignInAsync(DemoLogins.Staff, "wrong-password");
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("email or password is incorrect");
        Assert.DoesNotContain("zealthy.example", page.Url);

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await page.SignInAsync(DemoLogins.Staff, "wrong-password");
        }

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");

        await page.SignInAsync(DemoLogins.Staff, DemoLogins.Password);
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("locked");
    }

    [Fact]
    public async Task SignOut_ReturnsToLogin_AndThePortalAsksToSignInAgain()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Lisa, DemoLogins.Password);
        await page.WaitForCircuitAsync();

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForAddressAsync("**/account/login");

        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url);
    }
}
