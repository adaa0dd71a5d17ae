using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

public sealed class DemoDataTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task NewDatabase_HasTheDemoClinic()
    {
        await using var db = await database.CreateDbContextAsync();

        Assert.Equal(["Lisa Smith", "Mark Johnson"], await db.Patients.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        Assert.Equal(["Dr Kim West", "Dr Lin James", "Dr Sally Field"], await db.Providers.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
        Assert.Equal(7, await db.Medications.CountAsync());
        Assert.Equal(4, await db.AppointmentSeries.CountAsync());
        Assert.Equal(4, await db.Prescriptions.CountAsync());
    }

    [Fact]
    public async Task Mark_HasVisitsInTheComingWeek_AllInsideWorkingHours()
    {
        var calendar = database.App.Services.GetRequiredService<ClinicCalendar>();
        await using var db = await database.CreateDbContextAsync();
        var mark = await db.Patients.SingleAsync(p => p.Email == DemoLogins.Mark);
        var weekEnd = calendar.UtcNow.AddDays(7);

        var visits = await db.Visits.Where(v => v.PatientId == mark.Id && v.StartUtc < weekEnd && v.Status == VisitStatus.Scheduled).ToListAsync();

        Assert.NotEmpty(visits);
        Assert.All(visits, v =>
        {
            var local = calendar.ToLocal(v.StartUtc);
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(17));
            Assert.NotEqual(DayOfWeek.Saturday, local.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, local.DayOfWeek);
        });
    }

    [Fact]
    public async Task DemoLogins_HaveTheirRoles()
    {
        await using var scope = database.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();

        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(DemoLogins.Mark))!, Roles.Patient));
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(DemoLogins.Admin))!, Roles.Admin));
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync(DemoLogins.Staff))!, Roles.Staff));
        Assert.False(await users.IsInRoleAsync((await users.FindByEmailAsync(DemoLogins.Staff))!, Roles.Admin));
    }

    [Fact]
    public async Task SecondStartOnTheSameFile_DoesNotSeedTwice()
    {
        await using (var second = new EmrAppFactory(database.App.DatabasePath))
        {
            _ = second.Server;
        }

        await using var db = await database.CreateDbContextAsync();
        Assert.Equal(2, await db.Patients.CountAsync());
        Assert.Equal(3, await db.Providers.CountAsync());
    }

    [Fact]
    public async Task StoredInstants_ComeBackAsUtc()
    {
        await using var db = await database.CreateDbContextAsync();
        var visit = await db.Visits.AsNoTracking().FirstAsync();

        Assert.Equal(DateTimeKind.Utc, visit.StartUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, visit.CreatedUtc.Kind);
    }
}
