using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Admin;

/// <summary>Each test schedules with a provider of its own, so tests sharing the database cannot collide.</summary>
public sealed class SeriesServiceTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    private SeriesService Series => App.Services.GetRequiredService<SeriesService>();

    private SeriesQueries Rows => App.Services.GetRequiredService<SeriesQueries>();

    private ClinicCalendar Calendar => App.Services.GetRequiredService<ClinicCalendar>();

    [Fact]
    public async Task Create_WeeklyWithEndDate_CreatesOneVisitPerWeekAtTheLocalTime()
    {
        var (provider, patient) = (await NewProviderAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 1);

        var result = await Series.CreateAsync(new SeriesInput(patient, provider, first.ToDateTime(new TimeOnly(10, 0)), RepeatKind.Weekly, first.AddDays(27), "check-ups"));

        Assert.True(result.Succeeded, result.Error?.Message);
        var visits = await Rows.ListVisitsAsync(result.Value);
        Assert.Equal([0, 7, 14, 21], visits.Select(v => DateOnly.FromDateTime(Calendar.ToLocal(v.StartUtc)).DayNumber - first.DayNumber));
        Assert.All(visits, v => Assert.Equal(new TimeSpan(10, 0, 0), Calendar.ToLocal(v.StartUtc).TimeOfDay));
        var row = Assert.Single(await Rows.ListForPatientAsync(patient));
        Assert.Equal(4, row.UpcomingVisits);
        Assert.Equal("check-ups", row.Notes);
    }

    [Fact]
    public async Task Create_BeyondThePatientBookingHorizon_IsAllowedForStaff()
    {
        var (provider, patient) = (await NewProviderAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 22);

        var result = await Series.CreateAsync(new SeriesInput(patient, provider, first.ToDateTime(new TimeOnly(9, 0)), RepeatKind.None));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Single(await Rows.ListVisitsAsync(result.Value));
    }

    [Fact]
    public async Task Create_ClashingWithTheProvider_NamesTheFirstConflictingDate_AndWritesNothing()
    {
        var provider = await NewProviderAsync();
        var (a, b) = (await NewPatientAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 1);
        Assert.True((await Series.CreateAsync(new SeriesInput(a, provider, first.AddDays(14).ToDateTime(new TimeOnly(11, 0)), RepeatKind.None))).Succeeded);
        Assert.True((await Series.CreateAsync(new SeriesInput(a, provider, first.AddDays(28).ToDateTime(new TimeOnly(11, 0)), RepeatKind.None))).Succeeded);
        var before = await VisitCountAsync();

        var result = await Series.CreateAsync(new SeriesInput(b, provider, first.ToDateTime(new TimeOnly(11, 0)), RepeatKind.Weekly));

        Assert.Equal(ErrorCodes.ProviderConflict, result.Error?.Code);
        Assert.Contains(first.AddDays(14).ToString("MMMM d, yyyy"), result.Error!.Message);
        Assert.Equal(before, await VisitCountAsync());
        Assert.Empty(await Rows.ListForPatientAsync(b));
    }

    [Fact]
    public async Task Create_PatientBusyWithAnotherProvider_IsUserConflict()
    {
        var (one, two, patient) = (await NewProviderAsync(), await NewProviderAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 2);
        Assert.True((await Series.CreateAsync(new SeriesInput(patient, one, first.AddDays(7).ToDateTime(new TimeOnly(15, 30)), RepeatKind.None))).Succeeded);

        var result = await Series.CreateAsync(new SeriesInput(patient, two, first.ToDateTime(new TimeOnly(15, 30)), RepeatKind.Weekly, first.AddDays(30)));

        Assert.Equal(ErrorCodes.UserConflict, result.Error?.Code);
        Assert.Contains(first.AddDays(7).ToString("MMMM d, yyyy"), result.Error!.Message);
    }

    [Fact]
    public async Task Create_MonthlyOccurrenceOnAWeekend_IsRefusedNamingThatDate()
    {
        var (provider, patient) = (await NewProviderAsync(), await NewPatientAsync());
        var (first, weekend) = MonthlyAnchorWithAWeekendOccurrence();
        var before = await VisitCountAsync();

        var result = await Series.CreateAsync(new SeriesInput(patient, provider, first.ToDateTime(new TimeOnly(9, 30)), RepeatKind.Monthly));

        Assert.Equal(ErrorCodes.Validation, result.Error?.Code);
        Assert.Contains(weekend.ToString("dddd, MMMM d, yyyy"), result.Error!.Message);
        Assert.Equal(before, await VisitCountAsync());
    }

    [Fact]
    public async Task End_AfterALastDay_CancelsLaterVisitsAndKeepsEarlierOnes()
    {
        var (provider, patient) = (await NewProviderAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 1);
        var id = (await Series.CreateAsync(new SeriesInput(patient, provider, first.ToDateTime(new TimeOnly(13, 0)), RepeatKind.Weekly, first.AddDays(34)))).Value;

        var ended = await Series.EndAsync(id, first.AddDays(13));

        Assert.Equal(3, ended.Value);
        var visits = await Rows.ListVisitsAsync(id);
        Assert.Equal([VisitStatus.Scheduled, VisitStatus.Scheduled, VisitStatus.Cancelled, VisitStatus.Cancelled, VisitStatus.Cancelled], visits.Select(v => v.Status));
        var row = Assert.Single(await Rows.ListForPatientAsync(patient));
        Assert.Equal(first.AddDays(13), row.EndDate);
        Assert.Equal(SeriesStatus.Active, row.Status);
    }

    [Fact]
    public async Task Move_OneVisit_ChangesOnlyThatVisit_AndRefusesATakenSlot()
    {
        var (provider, patient, other) = (await NewProviderAsync(), await NewPatientAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 1);
        var id = (await Series.CreateAsync(new SeriesInput(patient, provider, first.ToDateTime(new TimeOnly(14, 0)), RepeatKind.Weekly, first.AddDays(20)))).Value;
        Assert.True((await Series.CreateAsync(new SeriesInput(other, provider, first.AddDays(8).ToDateTime(new TimeOnly(9, 0)), RepeatKind.None))).Succeeded);
        var before = await Rows.ListVisitsAsync(id);

        var mover = App.Services.GetRequiredService<VisitRescheduler>();
        var moved = await mover.MoveAsync(new VisitMove(before[1].Id, provider, Calendar.ToUtc(first.AddDays(8).ToDateTime(new TimeOnly(16, 0)))));
        var taken = await mover.MoveAsync(new VisitMove(before[2].Id, provider, Calendar.ToUtc(first.AddDays(8).ToDateTime(new TimeOnly(9, 0)))));

        Assert.True(moved.Succeeded, moved.Error?.Message);
        Assert.Equal(ErrorCodes.ProviderConflict, taken.Error?.Code);
        var after = await Rows.ListVisitsAsync(id);
        Assert.Equal(before[0], after[0]);
        Assert.Equal(first.AddDays(8).ToDateTime(new TimeOnly(16, 0)), Calendar.ToLocal(after[1].StartUtc));
        Assert.Equal(before[1].OccurrenceUtc, after[1].OccurrenceUtc);
        Assert.Equal(before[2], after[2]);
    }

    [Fact]
    public async Task MarkEnteredInError_CancelsUpcomingVisits_KeepsTheSeriesAndEveryVisitRow()
    {
        var (provider, patient) = (await NewProviderAsync(), await NewPatientAsync());
        var first = Monday(weeksAhead: 1);
        var id = (await Series.CreateAsync(new SeriesInput(patient, provider, first.ToDateTime(new TimeOnly(12, 0)), RepeatKind.Weekly, first.AddDays(13)))).Value;
        var before = await VisitCountAsync();

        var marked = await Series.MarkEnteredInErrorAsync(id);

        Assert.Equal(2, marked.Value);
        Assert.Equal(before, await VisitCountAsync());
        var row = Assert.Single(await Rows.ListForPatientAsync(patient));
        Assert.True(row.EnteredInError);
        Assert.Equal(SeriesStatus.Ended, row.Status);
        Assert.Equal(0, row.UpcomingVisits);
    }

    private DateOnly Monday(int weeksAhead)
    {
        var day = Calendar.Today.AddDays(2 + (7 * weeksAhead));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private (DateOnly First, DateOnly Weekend) MonthlyAnchorWithAWeekendOccurrence()
    {
        for (var first = Calendar.Today.AddDays(3); ; first = first.AddDays(1))
        {
            if (first.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || first.Day > 28)
            {
                continue;
            }

            var weekend = Enumerable.Range(1, 5).Select(first.AddMonths).FirstOrDefault(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (weekend != default)
            {
                return (first, weekend);
            }
        }
    }

    private async Task<Guid> NewProviderAsync()
    {
        var weekdays = Enumerable.Range(1, 5).Select(d => new DayHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList();
        var created = await App.Services.GetRequiredService<ProviderAdminService>().CreateAsync(new ProviderInput($"Dr {Guid.NewGuid():N}", "Testing", weekdays));
        return created.Value;
    }

    private async Task<Guid> NewPatientAsync() => (await App.AddPatientsAsync(1, "series"))[0];

    private async Task<int> VisitCountAsync()
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Visits.CountAsync();
    }
}
