using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Analytics;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.FrontDesk;

/// <summary>Series counted and shown as a clinic would count them by hand, and edited from a date forward.</summary>
public sealed class SeriesTruthTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private EmrAppFactory App => database.App;

    private SeriesService Series => App.Services.GetRequiredService<SeriesService>();

    private SeriesQueries Rows => App.Services.GetRequiredService<SeriesQueries>();

    private ClinicCalendar Calendar => App.Services.GetRequiredService<ClinicCalendar>();

    [Fact]
    public async Task BookCancelEnd_CountsMatchAHandCountedClinic_InGridDrillDownAndAnalytics()
    {
        var analytics = App.Services.GetRequiredService<AnalyticsService>();
        var before = (await analytics.GetAsync()).Totals.ActiveSeries;
        var (provider, patient) = (await App.NewProviderAsync(), await App.NewPatientAsync());
        var monday = Calendar.Monday(weeksAhead: 1);

        // By hand: a single booking (not a series), cancelled; a weekly series kept; a weekly series ended today.
        var single = await App.Services.GetRequiredService<BookingService>().BookAsync(patient, provider, Calendar.ToUtc(monday.ToDateTime(new TimeOnly(9, 0))), "Knee pain");
        var cancelled = await App.Services.GetRequiredService<VisitService>().CancelAsync(single.Value!.VisitId, null, new VisitCancellation("desk@clinic", "Feeling better"));
        var kept = await Series.CreateAsync(new SeriesInput(patient, provider, monday.ToDateTime(new TimeOnly(10, 0)), RepeatKind.Weekly));
        var ended = await Series.CreateAsync(new SeriesInput(patient, provider, monday.ToDateTime(new TimeOnly(11, 0)), RepeatKind.Weekly));
        var end = await Series.EndAsync(ended.Value, Calendar.Today);

        Assert.True(cancelled.Succeeded && kept.Succeeded && end.Succeeded, cancelled.Error?.Message ?? kept.Error?.Message ?? end.Error?.Message);
        var drillDown = await Rows.ListRecurringForPatientAsync(patient);
        Assert.Equal(2, drillDown.Count);
        Assert.Equal(SeriesStatus.Active, drillDown.Single(s => s.Id == kept.Value).Status);
        Assert.Equal(SeriesStatus.Ended, drillDown.Single(s => s.Id == ended.Value).Status);
        Assert.Equal(SeriesStatus.Cancelled, (await Rows.GetAsync(single.Value.SeriesId))!.Status);
        var name = (await App.Services.GetRequiredService<PatientAdminService>().GetAsync(patient))!.Name;
        var grid = await App.Services.GetRequiredService<ZealthyEmr.Domain.Search.IPatientSearch>().SearchAsync(new PatientQuery(Search: name));
        Assert.Equal(1, grid.Rows.Single(r => r.Id == patient).ActiveSeries);
        Assert.Equal(before + 1, (await analytics.GetAsync()).Totals.ActiveSeries);
        await using var db = await database.CreateDbContextAsync();
        var visit = await db.Visits.SingleAsync(v => v.Id == single.Value.VisitId);
        Assert.Equal(("desk@clinic", "Feeling better", "Knee pain"), (visit.CancelledBy, visit.CancelReason, visit.Reason));
        Assert.NotNull(visit.CancelledUtc);
    }

    [Fact]
    public async Task End_OnlyOnAnActiveSeries()
    {
        var (provider, patient) = (await App.NewProviderAsync(), await App.NewPatientAsync());
        var id = (await Series.CreateAsync(new SeriesInput(patient, provider, Calendar.Monday(1).ToDateTime(new TimeOnly(12, 0)), RepeatKind.Weekly))).Value;

        Assert.True((await Series.EndAsync(id, Calendar.Today)).Succeeded);
        var again = await Series.EndAsync(id, Calendar.Today);

        Assert.Equal(ErrorCodes.Validation, again.Error?.Code);
    }

    [Fact]
    public async Task EditFrom_WithAConflict_NamesItsFirstDate_AndWritesNothing()
    {
        var (a, b, patient, other) = (await App.NewProviderAsync(), await App.NewProviderAsync(), await App.NewPatientAsync(), await App.NewPatientAsync());
        var monday = Calendar.Monday(weeksAhead: 1);
        var id = (await Series.CreateAsync(new SeriesInput(patient, a, monday.ToDateTime(new TimeOnly(10, 0)), RepeatKind.Weekly, monday.AddDays(35)))).Value;
        Assert.True((await Series.CreateAsync(new SeriesInput(other, b, monday.AddDays(21).ToDateTime(new TimeOnly(14, 0)), RepeatKind.None))).Succeeded);
        var row = (await Rows.GetAsync(id))!;
        var visitsBefore = await Rows.ListVisitsAsync(id);

        var result = await App.Services.GetRequiredService<SeriesReplanner>()
            .EditFromAsync(id, new SeriesChange(monday.AddDays(7), b, new TimeOnly(14, 0), RepeatKind.Weekly, null, row.Version));

        Assert.Equal(ErrorCodes.ProviderConflict, result.Error?.Code);
        Assert.Contains(monday.AddDays(21).ToString("MMMM d, yyyy"), result.Error!.Message);
        Assert.Equal(visitsBefore, await Rows.ListVisitsAsync(id));
        Assert.Equal(row, await Rows.GetAsync(id));
    }

    [Fact]
    public async Task EditFrom_KeepsEarlierVisits_ReplansLaterOnes_AndAVisitMovedEarlierStays()
    {
        var (a, b, patient) = (await App.NewProviderAsync(), await App.NewProviderAsync(), await App.NewPatientAsync());
        var monday = Calendar.Monday(weeksAhead: 1);
        var id = (await Series.CreateAsync(new SeriesInput(patient, a, monday.ToDateTime(new TimeOnly(10, 0)), RepeatKind.Weekly, monday.AddDays(28)))).Value;
        var visits = await Rows.ListVisitsAsync(id);
        // The third visit (week 2) is moved to the Friday before the change date.
        var movedTo = Calendar.ToUtc(monday.AddDays(11).ToDateTime(new TimeOnly(15, 0)));
        Assert.True((await App.Services.GetRequiredService<VisitRescheduler>().MoveAsync(new VisitMove(visits[2].Id, a, movedTo))).Succeeded);

        var result = await App.Services.GetRequiredService<SeriesReplanner>()
            .EditFromAsync(id, new SeriesChange(monday.AddDays(14), b, new TimeOnly(16, 0), RepeatKind.Weekly, monday.AddDays(28), (await Rows.GetAsync(id))!.Version));

        Assert.True(result.Succeeded, result.Error?.Message);
        var after = (await Rows.ListVisitsAsync(id)).Where(v => v.Status == VisitStatus.Scheduled).ToList();
        Assert.Equal(
            new[] { monday.ToDateTime(new TimeOnly(10, 0)), monday.AddDays(7).ToDateTime(new TimeOnly(10, 0)), monday.AddDays(11).ToDateTime(new TimeOnly(15, 0)), monday.AddDays(21).ToDateTime(new TimeOnly(16, 0)), monday.AddDays(28).ToDateTime(new TimeOnly(16, 0)) },
            after.Select(v => Calendar.ToLocal(v.StartUtc)));
        var row = (await Rows.GetAsync(id))!;
        Assert.Equal(b, row.ProviderId);
        Assert.Equal(SeriesStatus.Active, row.Status);
    }
}
