using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Pages.Patient;

namespace ZealthyEmr.Tests.Components;

/// <summary>The booking page offers only what Mark can book: the busy-time loop of the issue cannot start.</summary>
public sealed class BookPageTests : DomainBunitTestBase
{
    [Fact]
    public async Task MarkOnSallysCalendar_IsNotOfferedTheTimeHeSeesKim_AndDaysOffFullDaysAndThePastAreDisabled()
    {
        await SignInAsAsync(DemoLogins.Mark, Roles.Patient);
        var calendar = Services.GetRequiredService<ClinicCalendar>();
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var (mark, kim, sally) = (
            await db.Patients.Where(p => p.Email == DemoLogins.Mark).Select(p => p.Id).SingleAsync(),
            await db.Providers.Where(p => p.Name == "Dr Kim West").Select(p => p.Id).SingleAsync(),
            await db.Providers.Where(p => p.Name == "Dr Sally Field").Select(p => p.Id).SingleAsync());
        var now = calendar.UtcNow;
        var withKim = calendar.ToLocal(await db.Visits.Where(v => v.PatientId == mark && v.ProviderId == kim && v.Status == VisitStatus.Scheduled && v.StartUtc > now).MinAsync(v => v.StartUtc));
        var fullDay = DateOnly.FromDateTime(withKim).AddDays(14);
        var series = Services.GetRequiredService<SeriesService>();
        var lisa = await db.Patients.Where(p => p.Email == DemoLogins.Lisa).Select(p => p.Id).SingleAsync();
        foreach (var slot in await Services.GetRequiredService<AvailabilityService>().GetFreeSlotsAsync(sally, fullDay))
        {
            // Lisa and Mark each have a visit elsewhere that day; whoever is free takes the slot.
            var taken = await series.CreateAsync(new SeriesInput(lisa, sally, calendar.ToLocal(slot), RepeatKind.None));
            Assert.True(taken.Succeeded || (await series.CreateAsync(new SeriesInput(mark, sally, calendar.ToLocal(slot), RepeatKind.None))).Succeeded);
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo($"/book?provider={sally}&date={withKim:yyyy-MM-dd}");
        var page = Context.RenderWithProviders<Book>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=slot]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll($"[data-testid=slot][data-slot='{withKim:HH:mm}']"));
        Assert.Single(page.FindAll($"[data-testid=slot][data-slot='{withKim.AddMinutes(-30):HH:mm}']"));
        var disabled = page.FindComponent<MudDatePicker>().Instance.IsDateDisabledFunc;
        var saturday = withKim.Date.AddDays((6 - (int)withKim.DayOfWeek + 7) % 7);
        Assert.False(disabled(withKim.Date));
        Assert.True(disabled(saturday));
        Assert.True(disabled(fullDay.ToDateTime(TimeOnly.MinValue)));
        Assert.True(disabled(calendar.LocalNow.Date.AddDays(-1)));
        Assert.True(disabled(calendar.LocalNow.Date.AddMonths(calendar.BookingHorizonMonths).AddDays(1)));
    }
}
