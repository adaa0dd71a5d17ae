using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Audit;

/// <summary>The portal's reads go through the domain services; each leaves a View for the acting user on the portal channel.</summary>
public sealed class AuditReadTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly AuditActor Staff = new("staff-id", DemoLogins.Staff, "Staff", "10.0.0.9", AuditChannel.Portal, "circuit-1");

    private AuditTrailProbe Probe => new(database.App);

    private T Service<T>() where T : notnull => database.App.Services.GetRequiredService<T>();

    public static TheoryData<string, string> PortalReads => new()
    {
        { "dashboard", nameof(PatientDashboard) },
        { "appointments", "AppointmentSchedule" },
        { "prescriptions", nameof(PrescriptionSchedule) },
        { "drill-down", nameof(Patient) },
        { "drill-down stats", nameof(PatientStats) },
        { "grid page", "PatientList" },
        { "schedule board", "ScheduleBoard" },
    };

    [Theory]
    [MemberData(nameof(PortalReads))]
    public async Task PortalRead_LeavesAViewOfThePatient_ByTheActingUser(string read, string entityType)
    {
        var mark = await MarkAsync();
        var before = await Probe.MarkAsync();

        using (Service<IAuditContext>().Begin(Staff))
        {
            await ReadAsync(read, mark);
        }

        var view = Assert.Single(await Probe.SinceAsync(before), e => e.Action == AuditAction.View && e.EntityType == entityType && e.PatientId == mark);
        Assert.Equal((DemoLogins.Staff, "Staff", AuditChannel.Portal, "10.0.0.9"), (view.ActorEmail, view.ActorRole, view.Channel, view.ClientAddress));
    }

    [Fact]
    public async Task CalendarDownload_LeavesAViewByThePatient_OnThePortalChannel()
    {
        var mark = await MarkAsync();
        using var client = database.App.CreateBrowserLikeClient();
        await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);
        var before = await Probe.MarkAsync();

        (await client.GetAsync("/portal/appointments.ics")).EnsureSuccessStatusCode();

        var view = Assert.Single(await Probe.SinceAsync(before), e => e.Action == AuditAction.View);
        Assert.Equal((DemoLogins.Mark, "Patient", AuditChannel.Portal, (Guid?)mark, "AppointmentSchedule"),
            (view.ActorEmail, view.ActorRole, view.Channel, view.PatientId, view.EntityType));
    }

    [Fact]
    public async Task BufferedViews_AreWrittenWithinASecond_WithoutAnExplicitFlush()
    {
        var mark = await MarkAsync();
        var before = await Probe.MarkAsync();

        using (Service<IAuditContext>().Begin(Staff))
        {
            await Service<PatientAdminService>().GetAsync(mark);
        }

        var deadline = DateTime.UtcNow.AddSeconds(3);
        bool written;
        do
        {
            await Task.Delay(100);
            await using var db = await database.CreateDbContextAsync();
            written = await db.AuditEvents.AnyAsync(e => e.Id > before && e.Action == AuditAction.View && e.PatientId == mark);
        }
        while (!written && DateTime.UtcNow < deadline);

        Assert.True(written);
    }

    private async Task ReadAsync(string read, Guid mark)
    {
        var calendar = Service<ZealthyEmr.Domain.Clinic.ClinicCalendar>();
        switch (read)
        {
            case "dashboard":
                Assert.NotNull(await Service<PatientPortalService>().GetDashboardAsync(mark));
                break;
            case "appointments":
                await Service<PatientPortalService>().GetUpcomingVisitsAsync(mark, calendar.UtcNow.AddMonths(3));
                break;
            case "prescriptions":
                await Service<PatientPortalService>().GetPrescriptionSchedulesAsync(mark, calendar.Today.AddMonths(3));
                break;
            case "drill-down":
                Assert.NotNull(await Service<PatientAdminService>().GetAsync(mark));
                break;
            case "drill-down stats":
                await Service<PatientAdminService>().GetStatsAsync(mark);
                break;
            case "grid page":
                Assert.NotEmpty((await Service<ZealthyEmr.Domain.Search.IPatientSearch>().SearchAsync(new PatientQuery(0, 25, "mark"))).Rows);
                break;
            case "schedule board":
                var firstVisit = await FirstVisitDayAsync(mark);
                Assert.NotEmpty(await Service<ScheduleBoardService>().GetDayAsync(firstVisit));
                break;
        }
    }

    private async Task<DateOnly> FirstVisitDayAsync(Guid patientId)
    {
        await using var db = await database.CreateDbContextAsync();
        var calendar = Service<ZealthyEmr.Domain.Clinic.ClinicCalendar>();
        var start = await db.Visits.Where(v => v.PatientId == patientId && v.Status == ZealthyEmr.Domain.Appointments.VisitStatus.Scheduled)
            .OrderBy(v => v.StartUtc).Select(v => v.StartUtc).FirstAsync();
        return DateOnly.FromDateTime(calendar.ToLocal(start));
    }

    private async Task<Guid> MarkAsync()
    {
        await using var db = await database.CreateDbContextAsync();
        return await db.Patients.Where(p => p.NormalizedEmail == DemoLogins.Mark.ToUpperInvariant()).Select(p => p.Id).SingleAsync();
    }
}
