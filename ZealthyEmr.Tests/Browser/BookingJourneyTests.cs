using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MarkBooks_LisaSeesTheSlotGoLive_TheBoardShowsIt_MarkCancels_ItComesBack()
    {
        var calendar = browser.App.Services.GetRequiredService<ClinicCalendar>();
        var format = browser.App.Services.GetRequiredService<ClinicFormat>();
        var provider = await browser.App.ProviderIdAsync("Dr Sally Field");
        var slotUtc = await browser.App.FreeSlotAsync(provider, daysAhead: 1, index: 2);
        var local = calendar.ToLocal(slotUtc);
        var (day, time) = (DateOnly.FromDateTime(local).ToString("yyyy-MM-dd"), local.ToString("HH:mm"));
        var bookUrl = $"/book?provider={provider}&date={day}";

        var lisa = await browser.NewPageAsync();
        await lisa.SignInAsync(DemoLogins.Lisa, DemoLogins.Password);
        await lisa.GotoAsync(bookUrl);
        await lisa.WaitForCircuitAsync();
        var lisaSlot = lisa.Locator($"[data-testid=slot][data-slot='{time}']");
        await Assertions.Expect(lisaSlot).ToHaveCountAsync(1);

        var mark = await browser.NewPageAsync();
        await mark.SignInAsync(DemoLogins.Mark, DemoLogins.Password);
        await mark.GotoAsync(bookUrl);
        await mark.WaitForCircuitAsync();
        await mark.Locator($"[data-testid=slot][data-slot='{time}']").ClickAsync();
        var clicked = System.Diagnostics.Stopwatch.StartNew();
        await mark.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(mark.GetByTestId("booking-result")).ToContainTextAsync("Booked: Dr Sally Field");
        output.WriteLine($"Click on Book to the result shown: {clicked.ElapsedMilliseconds} ms");
        var seenElsewhere = System.Diagnostics.Stopwatch.StartNew();
        await mark.ScreenshotIfRequestedAsync("book");

        await Assertions.Expect(lisaSlot).ToHaveCountAsync(0);
        output.WriteLine($"Slot gone from the other patient's page {seenElsewhere.ElapsedMilliseconds} ms after the result");

        if (local < calendar.LocalNow.AddDays(7))
        {
            await mark.GotoAsync("/");
            await mark.WaitForCircuitAsync();
            await Assertions.Expect(mark.GetByTestId("upcoming-visits")).ToContainTextAsync(format.When(slotUtc));
            await mark.ScreenshotIfRequestedAsync("dashboard");
        }

        var staff = await browser.NewPageAsync();
        await staff.SignInAsync(DemoLogins.Staff, DemoLogins.Password);
        await staff.GotoAsync($"/admin/schedule?date={day}");
        await staff.WaitForCircuitAsync();
        var boardSlot = staff.Locator($"[data-provider='Dr Sally Field'] [data-testid=board-slot][data-slot='{time}']");
        await Assertions.Expect(boardSlot).ToHaveAttributeAsync("data-state", "booked");
        await Assertions.Expect(boardSlot).ToContainTextAsync("Mark Johnson");
        await staff.ScreenshotIfRequestedAsync("schedule");

        await mark.GotoAsync("/appointments");
        await mark.WaitForCircuitAsync();
        var visit = mark.GetByTestId("appointment").Filter(new() { HasText = format.When(slotUtc) });
        await mark.ScreenshotIfRequestedAsync("appointments");
        await visit.GetByRole(AriaRole.Button, new() { Name = "Cancel the visit" }).ClickAsync();
        await mark.GetByRole(AriaRole.Button, new() { Name = "Cancel visit" }).ClickAsync();
        await Assertions.Expect(visit).ToHaveCountAsync(0);

        await Assertions.Expect(lisaSlot).ToHaveCountAsync(1);
        await Assertions.Expect(boardSlot).ToHaveAttributeAsync("data-state", "free");
    }
}
