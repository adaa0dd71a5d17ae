using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Search;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Integration;

/// <summary>The bench's data generator writes rows the app's own services read, book around and never double-book.</summary>
public sealed class ClinicGeneratorTests(GeneratedClinicFixture fixture) : IClassFixture<GeneratedClinicFixture>
{
    private const int DemoPatients = 2;
    private const int DemoProviders = 3;

    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task Generate_TwoThousandPatients_WritesTheRowsItReports()
    {
        var clinic = fixture.Clinic;
        await using var db = await fixture.CreateDbContextAsync();

        Assert.Equal(GeneratedClinicFixture.Patients + DemoPatients, await db.Patients.CountAsync());
        Assert.Equal(GeneratedClinicFixture.Patients / 100, clinic.ProviderIds.Count);
        var providers = await db.Providers.AsNoTracking().Where(p => clinic.ProviderIds.Contains(p.Id)).ToListAsync();
        Assert.Equal(clinic.ProviderIds.Count, providers.Count);
        Assert.All(providers, p => Assert.Equal(5, p.WorkingHours.Count));
        Assert.Equal(clinic.Series, await db.AppointmentSeries.CountAsync(s => clinic.ProviderIds.Contains(s.ProviderId)));
        Assert.Equal(clinic.Visits, await db.Visits.CountAsync(v => clinic.ProviderIds.Contains(v.ProviderId)));
        Assert.Equal(GeneratedClinicFixture.Patients - GeneratedClinicFixture.Unscheduled, clinic.Series);

        var kinds = clinic.Patients.Where(p => p.Repeat is not null).GroupBy(p => p.Repeat).ToDictionary(g => g.Key!.Value, g => g.Count());
        Assert.All(new[] { RepeatKind.Weekly, RepeatKind.Monthly, RepeatKind.None }, k => Assert.InRange(kinds[k], 600, 700));

        var patientRole = await db.Roles.Where(r => r.Name == Roles.Patient).Select(r => r.Id).SingleAsync();
        Assert.Equal(GeneratedClinicFixture.Patients + DemoPatients, await db.UserRoles.CountAsync(r => r.RoleId == patientRole));
        Assert.True(clinic.Prescriptions > GeneratedClinicFixture.Patients / 2);
        Assert.Equal(0, await db.Prescriptions.CountAsync(p => !db.Medications.Any(m => m.Id == p.MedicationId)));
    }

    [Fact]
    public async Task Generate_NeverPutsTwoVisitsInOneSlot()
    {
        await using var db = await fixture.CreateDbContextAsync();
        var held = db.Visits.Where(v => v.Status != VisitStatus.Cancelled);

        Assert.Equal(0, await held.GroupBy(v => new { v.ProviderId, v.StartUtc }).CountAsync(g => g.Count() > 1));
        Assert.Equal(0, await held.GroupBy(v => new { v.PatientId, v.StartUtc }).CountAsync(g => g.Count() > 1));
        Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync());
    }

    [Fact]
    public async Task AdminSearch_ByGeneratedEmail_FindsThePatient()
    {
        var wanted = fixture.Clinic.Patients[1234];

        var page = await Services.GetRequiredService<IPatientSearch>().SearchAsync(new PatientQuery(Search: wanted.Email.ToUpperInvariant()));

        var row = Assert.Single(page.Rows);
        Assert.Equal(wanted.Id, row.Id);
    }

    [Fact]
    public async Task Dashboard_OfAGeneratedPatient_ShowsTheirVisitThisWeek()
    {
        var calendar = Services.GetRequiredService<ClinicCalendar>();
        var (visit, patient) = await NextGeneratedVisitAsync(calendar.UtcNow, calendar.UtcNow.AddDays(6));

        var dashboard = await Services.GetRequiredService<PatientPortalService>().GetDashboardAsync(patient.Id);

        Assert.NotNull(dashboard);
        Assert.Equal(patient.Email, dashboard.Profile.Email);
        Assert.Contains(dashboard.Visits, v => v.VisitId == visit.Id);
    }

    [Fact]
    public async Task Availability_ExcludesGeneratedVisits_AndBookingTheirSlotConflicts()
    {
        var calendar = Services.GetRequiredService<ClinicCalendar>();
        var (visit, _) = await NextGeneratedVisitAsync(calendar.UtcNow.AddDays(1), calendar.UtcNow.AddDays(30));
        var day = DateOnly.FromDateTime(calendar.ToLocal(visit.StartUtc));
        var newcomer = fixture.Clinic.Patients[^1];
        Assert.Null(newcomer.Repeat);

        var free = await Services.GetRequiredService<AvailabilityService>().GetFreeSlotsAsync(visit.ProviderId, day);
        var booked = await Services.GetRequiredService<BookingService>().BookAsync(newcomer.Id, visit.ProviderId, visit.StartUtc);

        Assert.NotEmpty(free);
        Assert.DoesNotContain(visit.StartUtc, free);
        Assert.Equal(ErrorCodes.ProviderConflict, booked.Error?.Code);
    }

    [Fact]
    public async Task SignIn_WithTheSharedGeneratedPassword_Succeeds()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EmrUser>>();

        var user = await users.FindByEmailAsync(fixture.Clinic.Patients[42].Email);

        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, GeneratedClinicFixture.Password));
        Assert.True(await users.IsInRoleAsync(user, Roles.Patient));
    }

    private async Task<(Visit Visit, GeneratedPatient Patient)> NextGeneratedVisitAsync(DateTime fromUtc, DateTime untilUtc)
    {
        await using var db = await fixture.CreateDbContextAsync();
        var providers = fixture.Clinic.ProviderIds.ToList();
        var visit = await db.Visits.AsNoTracking()
            .Where(v => providers.Contains(v.ProviderId) && v.StartUtc > fromUtc && v.StartUtc < untilUtc)
            .OrderBy(v => v.StartUtc)
            .FirstAsync();
        return (visit, fixture.Clinic.Patients.Single(p => p.Id == visit.PatientId));
    }
}
