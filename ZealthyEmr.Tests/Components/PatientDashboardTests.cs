using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Pages.Patient;

namespace ZealthyEmr.Tests.Components;

public sealed class PatientDashboardTests : DomainBunitTestBase
{
    [Fact]
    public async Task Mark_SeesHisContactDetails_VisitsAndRefillsForTheWeek()
    {
        await SignInAsAsync(DemoLogins.Mark, Roles.Patient);

        var page = Context.Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("Mark Johnson", page.Find("[data-testid=patient-name]").TextContent));
        Assert.Contains(DemoLogins.Mark, page.Find("[data-testid=patient-contact]").TextContent);
        Assert.Contains("Dr Kim West", page.Find("[data-testid=upcoming-visits]").TextContent);
        Assert.Contains("Lexapro 5mg × 2", page.Find("[data-testid=upcoming-refills]").TextContent);
    }

    [Fact]
    public async Task PatientWithNothingBooked_SeesEmptyStatesWithAWayToBook()
    {
        var fresh = (await SeedPatientAsync()).Email;
        await SignInAsAsync(fresh, Roles.Patient);

        var page = Context.Render<Home>();

        page.WaitForAssertion(() => Assert.Contains("No visits in the next 7 days.", page.Markup));
        Assert.Contains("No refills due in the next 7 days.", page.Markup);
        Assert.Equal("/book", page.Find("a[href='/book']").GetAttribute("href"));
    }

    [Fact]
    public async Task ABookingMadeElsewhere_AppearsWithoutReloading()
    {
        var patient = await SeedPatientAsync();
        await SignInAsAsync(patient.Email, Roles.Patient);
        var page = Context.Render<Home>();
        page.WaitForAssertion(() => Assert.Contains("No visits in the next 7 days.", page.Markup));

        var provider = (await Services.GetRequiredService<ProviderDirectory>().ListAsync(activeOnly: true))[0];
        var slot = await FirstFreeSlotThisWeekAsync(provider.Id);
        var result = await Services.GetRequiredService<BookingService>().BookAsync(patient.Id, provider.Id, slot);
        Assert.True(result.Succeeded, result.Error?.Message);

        page.WaitForAssertion(() => Assert.Contains(provider.Name, page.Find("[data-testid=upcoming-visits]").TextContent));
    }

    private async Task<(Guid Id, string Email)> SeedPatientAsync()
    {
        var users = Services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<EmrUser>>();
        var email = $"new-{Guid.NewGuid():N}@clinic.test";
        var user = new EmrUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, ZealthyEmr.Domain.Seeding.DemoLogins.Password)).Succeeded);
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ZealthyEmr.Domain.Data.EmrDbContext>>().CreateDbContextAsync();
        var patient = new Patient { Name = "New Patient", NormalizedName = "NEW PATIENT", Email = email, NormalizedEmail = email.ToUpperInvariant(), UserId = user.Id };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return (patient.Id, email);
    }

    private async Task<DateTime> FirstFreeSlotThisWeekAsync(Guid providerId)
    {
        var calendar = Services.GetRequiredService<ZealthyEmr.Domain.Clinic.ClinicCalendar>();
        var availability = Services.GetRequiredService<AvailabilityService>();
        for (var day = calendar.Today.AddDays(1); ; day = day.AddDays(1))
        {
            if ((await availability.GetFreeSlotsAsync(providerId, day)) is [var first, ..])
            {
                return first;
            }
        }
    }
}
