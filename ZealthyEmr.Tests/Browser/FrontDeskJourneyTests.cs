using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FrontDeskJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ClinicCalendar Calendar => browser.App.Services.GetRequiredService<ClinicCalendar>();

    private ClinicFormat Format => browser.App.Services.GetRequiredService<ClinicFormat>();

    [Fact]
    public async Task StaffBookMoveAndCancelFromTheBoard_AndMarkSeesEachChangeLive()
    {
        var (mark, sally) = (await browser.App.PatientIdAsync(DemoLogins.Mark), await browser.App.ProviderIdAsync("Dr Sally Field"));
        var availability = browser.App.Services.GetRequiredService<AvailabilityService>();
        var day = Calendar.Today.AddDays(3);
        var free = await availability.GetFreeSlotsAsync(sally, day, mark);
        while (free.Count < 6)
        {
            day = day.AddDays(1);
            free = await availability.GetFreeSlotsAsync(sally, day, mark);
        }

        var (first, second) = (free[1], free[5]);
        var markPage = await browser.NewPageAsync();
        await markPage.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await markPage.GotoAsync("/appointments");
        await markPage.WaitForCircuitAsync();

        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(DemoLogins.Staff, DemoLogins.Password);
        await staff.GotoAsync($"/admin/schedule?date={day:yyyy-MM-dd}");
        await staff.WaitForCircuitAsync();
        await Slot(staff, first).GetByRole(AriaRole.Button).ClickAsync();
        await staff.GetByTestId("patient-picker").FillAsync("Mark John");
        await staff.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Mark Johnson" }).First.ClickAsync();

        // The autocomplete moves focus back to its own input (a round trip) before it takes the pick; typing the reason
        // before that lands typed it into the patient field. The pick's text in the field means the focus has moved.
        await Assertions.Expect(staff.GetByTestId("patient-picker")).ToHaveValueAsync(new Regex("^Mark Johnson · "));
        await staff.GetByTestId("board-reason-input").FillAsync("Annual check");
        await Assertions.Expect(staff.GetByTestId("board-reason-input")).ToHaveValueAsync("Annual check");
        await staff.GetByTestId("board-book").ClickAsync();

        await Assertions.Expect(Slot(staff, first)).ToHaveAttributeAsync("data-state", "booked");
        await Assertions.Expect(Slot(staff, first)).ToContainTextAsync("Mark Johnson");
        await Assertions.Expect(Slot(staff, first)).ToContainTextAsync("Annual check");
        await Assertions.Expect(markPage.GetByTestId("appointment").Filter(new() { HasText = Format.When(first) })).ToHaveCountAsync(1);

        await Slot(staff, first).GetByTestId("board-visit").ClickAsync();
        await staff.GetByTestId("board-move").ClickAsync();
        await staff.GetByTestId("move-time").ClickAsync();
        await staff.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = Format.Time(second) }).First.ClickAsync();
        await staff.GetByTestId("confirm-move").ClickAsync();

        await Assertions.Expect(Slot(staff, second)).ToHaveAttributeAsync("data-state", "booked");
        await Assertions.Expect(Slot(staff, first)).ToHaveAttributeAsync("data-state", "free");
        await Assertions.Expect(markPage.GetByTestId("appointment").Filter(new() { HasText = Format.When(second) })).ToHaveCountAsync(1);
        await Assertions.Expect(markPage.GetByTestId("appointment").Filter(new() { HasText = Format.When(first) })).ToHaveCountAsync(0);

        await Slot(staff, second).GetByTestId("board-visit").ClickAsync();
        await staff.GetByTestId("board-cancel").ClickAsync();
        await staff.GetByTestId("cancel-reason").FillAsync("Patient asked by phone");
        await staff.GetByTestId("confirm-cancel").ClickAsync();

        await Assertions.Expect(Slot(staff, second)).ToHaveAttributeAsync("data-state", "free");
        await Assertions.Expect(markPage.GetByTestId("appointment").Filter(new() { HasText = Format.When(second) })).ToHaveCountAsync(0);
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var cancelled = await db.Visits.SingleAsync(v => v.PatientId == mark && v.StartUtc == second && v.Status == VisitStatus.Cancelled);
        Assert.Equal((DemoLogins.Staff, "Patient asked by phone"), (cancelled.CancelledBy, cancelled.CancelReason));
    }

    [Fact]
    public async Task MarkBookingSally_IsNeverOfferedTheTimeHeSeesKim_AndDaysOffAreDisabled()
    {
        var (mark, kim, sally) = (await browser.App.PatientIdAsync(DemoLogins.Mark), await browser.App.ProviderIdAsync("Dr Kim West"), await browser.App.ProviderIdAsync("Dr Sally Field"));
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var now = Calendar.UtcNow;
        var withKim = await db.Visits.Where(v => v.PatientId == mark && v.ProviderId == kim && v.Status == VisitStatus.Scheduled && v.StartUtc > now)
            .OrderBy(v => v.StartUtc).Select(v => v.StartUtc).FirstAsync();
        var local = Calendar.ToLocal(withKim);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await page.GotoAsync($"/book?provider={sally}&date={local:yyyy-MM-dd}");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("slot").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid=slot][data-slot='{local:HH:mm}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-testid=slot][data-slot='{local.AddMinutes(-30):HH:mm}']")).ToHaveCountAsync(1);

        // Sally works Monday to Friday: in the open calendar the weekend days and the past are disabled.
        await page.Locator(".mud-input-control:has(input[data-testid=date-picker]) button").First.ClickAsync();
        var days = page.Locator(".mud-popover-open .mud-picker-calendar-day:not(.mud-hidden)");
        await Assertions.Expect(Day(days, local.Day)).ToBeEnabledAsync();
        var saturday = local.Date.AddDays((6 - (int)local.DayOfWeek + 7) % 7);
        if (saturday.Month == local.Month)
        {
            await Assertions.Expect(Day(days, saturday.Day)).ToBeDisabledAsync();
        }

        var today = Calendar.LocalNow.Date;
        if (today.Month == local.Month && today.Day > 1)
        {
            await Assertions.Expect(Day(days, today.Day - 1)).ToBeDisabledAsync();
        }
    }

    private static ILocator Day(ILocator days, int day) =>
        days.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{day}$") });

    private ILocator Slot(IPage page, DateTime startUtc) =>
        page.Locator($"[data-provider='Dr Sally Field'] [data-testid=board-slot][data-slot='{Calendar.ToLocal(startUtc):HH:mm}']");
}
