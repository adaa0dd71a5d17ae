using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Analytics;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.FrontDesk;

/// <summary>Scheduled → CheckedIn → Completed, or NoShow; the no-show rate; and the patient's atomic reschedule.</summary>
public sealed class VisitWorkflowTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    private VisitService Workflow => App.Services.GetRequiredService<VisitService>();

    private ClinicCalendar Calendar => App.Services.GetRequiredService<ClinicCalendar>();

    [Fact]
    public async Task CheckInCompleteNoShow_FollowTheWorkflow_AndFeedTheNoShowRate()
    {
        var (provider, patient) = (await App.NewProviderAsync(days: Enum.GetValues<DayOfWeek>()), await App.NewPatientAsync());
        var yesterday = Calendar.StartOfDayUtc(Calendar.Today.AddDays(-1)).AddHours(12);
        var earlierToday = Calendar.UtcNow.AddMinutes(-1);
        var (missed, held) = (await database.AddVisitAtAsync(patient, provider, yesterday), await database.AddVisitAtAsync(patient, provider, earlierToday));
        var upcoming = await database.AddVisitAtAsync(patient, provider, Calendar.UtcNow.AddDays(2));

        Assert.Equal(ErrorCodes.Validation, (await Workflow.CheckInAsync(missed)).Error?.Code);
        Assert.Equal(ErrorCodes.Validation, (await Workflow.MarkNoShowAsync(upcoming)).Error?.Code);
        Assert.Equal(ErrorCodes.Validation, (await Workflow.CompleteAsync(upcoming)).Error?.Code);
        Assert.True((await Workflow.MarkNoShowAsync(missed)).Succeeded);
        Assert.Equal(ErrorCodes.Validation, (await Workflow.CompleteAsync(missed)).Error?.Code);
        Assert.True((await Workflow.CheckInAsync(held)).Succeeded);
        Assert.Equal(ErrorCodes.Validation, (await Workflow.CheckInAsync(held)).Error?.Code);
        Assert.True((await Workflow.CompleteAsync(held)).Succeeded);
        Assert.Equal(ErrorCodes.Validation, (await Workflow.CancelAsync(held, null)).Error?.Code);

        await using var db = await database.CreateDbContextAsync();
        var statuses = await db.Visits.Where(v => v.PatientId == patient).OrderBy(v => v.StartUtc).Select(v => v.Status).ToListAsync();
        Assert.Equal([VisitStatus.NoShow, VisitStatus.Completed, VisitStatus.Scheduled], statuses);
        var rate = (await App.Services.GetRequiredService<AnalyticsService>().GetAsync()).NoShows.Single(p => p.ProviderId == provider);
        Assert.Equal((1, 2, 0.5), (rate.NoShows, rate.Recorded, rate.Rate));
    }

    [Fact]
    public async Task Reschedule_RacingAnotherPatientForTheSameSlot_NeverLosesTheOldVisit()
    {
        var provider = await App.NewProviderAsync();
        var booking = App.Services.GetRequiredService<BookingService>();
        var mover = App.Services.GetRequiredService<VisitRescheduler>();
        var monday = Calendar.Monday(weeksAhead: 1);
        for (var round = 0; round < 6; round++)
        {
            var (mark, lisa) = (await App.NewPatientAsync(), await App.NewPatientAsync());
            var from = Calendar.ToUtc(monday.AddDays(round % 5).ToDateTime(new TimeOnly(9, 0)));
            var to = Calendar.ToUtc(monday.AddDays(round % 5).ToDateTime(new TimeOnly(12 + (round / 5), 0)));
            var visit = (await booking.BookAsync(mark, provider, from)).Value!.VisitId;

            var move = mover.MoveAsync(new VisitMove(visit, provider, to, AsPatientId: mark));
            var book = booking.BookAsync(lisa, provider, to);
            await Task.WhenAll(move, book);
            var (moved, booked) = (await move, await book);

            Assert.NotEqual(moved.Succeeded, booked.Succeeded);
            await using var db = await database.CreateDbContextAsync();
            var marks = await db.Visits.AsNoTracking().Where(v => v.PatientId == mark && v.Status == VisitStatus.Scheduled).Select(v => v.StartUtc).ToListAsync();
            Assert.Equal([moved.Succeeded ? to : from], marks);
            Assert.Equal(1, await App.ActiveVisitsAtAsync(provider, to));
        }
    }

    [Fact]
    public async Task Reschedule_AnotherPatientsVisit_IsNotFound()
    {
        var provider = await App.NewProviderAsync();
        var (mark, lisa) = (await App.NewPatientAsync(), await App.NewPatientAsync());
        var monday = Calendar.Monday(weeksAhead: 2);
        var visit = (await App.Services.GetRequiredService<BookingService>().BookAsync(lisa, provider, Calendar.ToUtc(monday.ToDateTime(new TimeOnly(9, 0))))).Value!.VisitId;

        var result = await App.Services.GetRequiredService<VisitRescheduler>().MoveAsync(new VisitMove(visit, provider, Calendar.ToUtc(monday.ToDateTime(new TimeOnly(10, 0))), AsPatientId: mark));

        Assert.Equal(ErrorCodes.NotFound, result.Error?.Code);
    }
}
