using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Integration.Audit;

public sealed class AccessReportTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Report_ShowsStaffWhoOpenedTheRecord_ByName_AndNotThePatientsOwnReads()
    {
        var services = database.App.Services;
        await using var db = await database.CreateDbContextAsync();
        var lisa = await db.Patients.Where(p => p.NormalizedEmail == DemoLogins.Lisa.ToUpperInvariant()).Select(p => new { p.Id, p.UserId }).SingleAsync();
        var staff = await db.Users.Where(u => u.Email == DemoLogins.Staff).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var context = services.GetRequiredService<IAuditContext>();
        using (context.Begin(new AuditActor(staff.Id, DemoLogins.Staff, Roles.Staff, null, AuditChannel.Portal, null)))
        {
            await services.GetRequiredService<PatientAdminService>().GetAsync(lisa.Id);
        }

        using (context.Begin(new AuditActor(lisa.UserId, DemoLogins.Lisa, Roles.Patient, null, AuditChannel.Portal, null)))
        {
            await services.GetRequiredService<PatientPortalService>().GetDashboardAsync(lisa.Id);
        }

        var report = await services.GetRequiredService<AuditTrailService>().AccessReportAsync(lisa.Id, 0, 25);

        var top = report.Rows[0];
        Assert.Equal((staff.DisplayName, Roles.Staff, AuditAction.View, nameof(Patient)), (top.StaffName, top.Role, top.Action, top.Record));
        Assert.DoesNotContain(report.Rows, r => r.Role == Roles.Patient || r.Record == nameof(PatientDashboard));
        Assert.False(string.IsNullOrWhiteSpace(staff.DisplayName));
    }
}
