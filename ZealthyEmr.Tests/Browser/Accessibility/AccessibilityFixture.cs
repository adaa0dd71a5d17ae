using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>
/// One app and one Chromium for the accessibility pass, with one signed-in context per role kept across the light,
/// dark, desktop and phone runs (a sign-in per page would cost more than the checks).
/// </summary>
public sealed class AccessibilityFixture : IAsyncLifetime
{
    public const string ThemeCookie = "zealthy.theme";

    private readonly Dictionary<AxeRole, IPage> signedIn = [];
    private readonly Dictionary<AxeRole, string> users = [];
    private string patientPath = "";
    private string workday = "";

    public BrowserFixture Browser { get; } = new();

    public string TwoFactorEmail { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        patientPath = (await Browser.App.PatientIdAsync(DemoLogins.Lisa)).ToString();
        var calendar = Browser.App.Services.GetRequiredService<ClinicCalendar>();
        var day = calendar.Today.AddDays(2);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        workday = day.ToString("yyyy-MM-dd");
        TwoFactorEmail = await Browser.App.CreatePatientLoginAsync("Tova Twofactor");
        await using var scope = Browser.App.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();
        var user = (await userManager.FindByEmailAsync(TwoFactorEmail))!;
        await userManager.ResetAuthenticatorKeyAsync(user);
        await userManager.SetTwoFactorEnabledAsync(user, true);
        foreach (var (role, email) in new[] { (AxeRole.Patient, DemoLogins.Mark), (AxeRole.Admin, DemoLogins.Admin), (AxeRole.Staff, DemoLogins.Staff) })
        {
            users[role] = (await userManager.FindByEmailAsync(email))!.Id;
        }
    }

    /// <summary>The page to look through as <paramref name="role"/>, in the given theme and width.</summary>
    public async Task<IPage> PageAsync(AxeRole role, bool dark, bool phone)
    {
        IPage page;
        if (role is AxeRole.Anonymous or AxeRole.TwoFactorPending)
        {
            page = await Browser.NewPageAsync();
            await page.Context.AddCookiesAsync([new Cookie { Name = ThemeCookie, Value = dark ? "dark" : "light", Url = Browser.BaseAddress.ToString() }]);
            if (role is AxeRole.TwoFactorPending)
            {
                await page.SignInAsync(TwoFactorEmail, DemoLogins.Password);
                await page.WaitForAddressAsync("**/account/login-2fa**");
            }
        }
        else
        {
            if (!signedIn.TryGetValue(role, out page!))
            {
                page = await Browser.NewPageAsync();
                await page.SignInAsync(role == AxeRole.Patient ? DemoLogins.Mark : role == AxeRole.Admin ? DemoLogins.Admin : DemoLogins.Staff, DemoLogins.Password);
                await page.WaitForCircuitAsync();
                signedIn[role] = page;
            }

            await Browser.App.Services.GetRequiredService<UserPreferencesService>().SetDarkModeAsync(users[role], dark);
        }

        await page.SetViewportSizeAsync(phone ? 390 : 1280, phone ? 844 : 800);
        return page;
    }

    public string PathOf(AxeTarget target) => target.Path.Replace("{patient}", patientPath, StringComparison.Ordinal).Replace("{workday}", workday, StringComparison.Ordinal);

    /// <summary>Waits for what a user would wait for: the circuit on interactive pages, the heading, no loading bar.</summary>
    public static async Task WaitUntilShownAsync(IPage page, AxeTarget target)
    {
        if (IsInteractive(target.Route))
        {
            await page.WaitForCircuitAsync();
        }

        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveCountAsync(0);
    }

    /// <summary>Account pages render statically (they set the sign-in cookie); only the rest get a circuit.</summary>
    private static bool IsInteractive(string route) =>
        AxeCoverageTests.RoutableComponents().Single(c => c.Route == route).Type.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null;

    public async Task DisposeAsync()
    {
        foreach (var page in signedIn.Values)
        {
            await page.Context.CloseAsync();
        }

        await Browser.DisposeAsync();
    }
}
