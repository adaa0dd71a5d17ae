using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>The original patient portal's calls, as its React client makes them, against the real app.</summary>
public sealed class OriginalPortalTests(OriginalClientApp app) : IClassFixture<OriginalClientApp>
{
    private ApiApp Api => app.Api;

    [Fact]
    public async Task Login_Patient_UserIsThePatientRecord_WithUpcomingVisitsAndActivePrescriptions()
    {
        var mark = await Api.PatientIdAsync(DemoLogins.Mark);
        using var body = await app.LoginAsync(DemoLogins.Mark);

        OriginalJson.Has(body.RootElement, ("message", JsonValueKind.String), ("token", JsonValueKind.String), ("user", JsonValueKind.Object));
        var user = body.RootElement.GetProperty("user");
        OriginalJson.Has(user, ("id", JsonValueKind.String), ("name", JsonValueKind.String), ("email", JsonValueKind.String), ("patientId", JsonValueKind.String),
            ("loginId", JsonValueKind.String), ("appointments", JsonValueKind.Array), ("prescriptions", JsonValueKind.Array));
        Assert.Equal(mark.ToString(), user.GetProperty("id").GetString());
        Assert.Equal(mark.ToString(), user.GetProperty("patientId").GetString());
        Assert.NotEqual(mark.ToString(), user.GetProperty("loginId").GetString());
        Assert.False(user.TryGetProperty("password", out _));

        var horizonEnd = app.Calendar.StartOfDayUtc(app.Calendar.Today.AddMonths(app.Calendar.BookingHorizonMonths).AddDays(1));
        await using var db = await Api.CreateDbContextAsync();
        var visits = await db.Visits.Where(v => v.PatientId == mark && v.Status == VisitStatus.Scheduled && v.StartUtc >= app.Calendar.UtcNow && v.StartUtc < horizonEnd)
            .OrderBy(v => v.StartUtc).Select(v => v.StartUtc).ToListAsync();
        var appointments = user.GetProperty("appointments").EnumerateArray().ToList();
        Assert.True(visits.Count > 2, "Mark's weekly series has several visits in the booking horizon");
        Assert.Equal(visits, appointments.Select(a => a.GetProperty("datetime").GetDateTimeOffset().UtcDateTime));
        foreach (var a in appointments)
        {
            OriginalJson.Has(a, OriginalJson.Appointment);
            Assert.Contains(a.GetProperty("repeat").GetString(), new[] { "weekly", "monthly" });
        }

        var prescriptions = Api.App.Services.GetRequiredService<PrescriptionService>();
        var active = (await prescriptions.ListForPatientAsync(mark)).Where(p => p.IsActive).ToDictionary(p => p.Id.ToString());
        var scripts = user.GetProperty("prescriptions").EnumerateArray().ToList();
        Assert.Equal(active.Count, scripts.Count);
        foreach (var p in scripts)
        {
            OriginalJson.Has(p, OriginalJson.Prescription);
            Assert.Equal($"{active[p.GetProperty("id").GetString()!].NextRefill:yyyy-MM-dd}", p.GetProperty("refill_on").GetString());
        }
    }

    [Fact]
    public async Task Login_Admin_KeepsTheLoginId_AndEmptyRecords()
    {
        using var body = await app.LoginAsync(DemoLogins.Admin);
        var user = body.RootElement.GetProperty("user");
        Assert.Equal(user.GetProperty("loginId").GetString(), user.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("patientId").ValueKind);
        Assert.Equal(0, user.GetProperty("appointments").GetArrayLength());
    }

    [Fact]
    public async Task Login_MissingField_Is400_AndWrongPassword_Is401_BothWithMessage()
    {
        using var client = Api.Anonymous();
        using var missing = await OriginalJson.ErrorAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Lisa }), HttpStatusCode.BadRequest);
        using var wrong = await OriginalJson.ErrorAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@clinic.test", password = "nope" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Dashboard_IsTheCallersOwn_AndRefusedToStaff()
    {
        var lisa = await Api.PatientIdAsync(DemoLogins.Lisa);
        using var client = await Api.AsAsync(DemoLogins.Lisa);
        using var body = await OriginalJson.ReadAsync(await client.GetAsync("/api/patient/dashboard"), HttpStatusCode.OK);

        var patient = body.RootElement.GetProperty("patient");
        OriginalJson.Has(patient, ("id", JsonValueKind.String), ("name", JsonValueKind.String), ("email", JsonValueKind.String));
        Assert.Equal(lisa.ToString(), patient.GetProperty("id").GetString());
        var refills = body.RootElement.GetProperty("upcomingRefills").EnumerateArray().ToList();
        Assert.Equal(2, refills.Count);
        refills.ForEach(r => OriginalJson.Has(r, OriginalJson.Prescription));
        foreach (var visit in body.RootElement.GetProperty("upcomingAppointments").EnumerateArray())
        {
            OriginalJson.Has(visit, OriginalJson.Appointment);
            Assert.True(visit.GetProperty("datetime").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddDays(8));
        }

        using var staff = await Api.AsAsync(DemoLogins.Staff);
        using var refused = await OriginalJson.ErrorAsync(await staff.GetAsync("/api/patient/dashboard"), HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Availability_ByName_AnswersNaiveClinicSlots_AndUnknownNameIs400()
    {
        var sally = await Api.App.ProviderIdAsync("Dr Sally Field");
        var slot = app.Calendar.ToLocal(await Api.App.FreeSlotAsync(sally, daysAhead: 9));
        using var client = await Api.AsAsync(DemoLogins.Mark);

        using var body = await OriginalJson.ReadAsync(await client.GetAsync($"/api/appointments/availability/dr%20sally%20field?date={slot:yyyy-MM-dd}"), HttpStatusCode.OK);
        OriginalJson.Has(body.RootElement, ("provider", JsonValueKind.String), ("date", JsonValueKind.String), ("availableSlots", JsonValueKind.Array));
        Assert.Equal("Dr Sally Field", body.RootElement.GetProperty("provider").GetString());
        Assert.Equal($"{slot:yyyy-MM-dd}", body.RootElement.GetProperty("date").GetString());
        var slots = body.RootElement.GetProperty("availableSlots").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.All(slots, s => Assert.Matches(OriginalJson.NaiveDatetime(), s));
        Assert.Contains($"{slot:yyyy-MM-dd'T'HH:mm}", slots);

        using var byId = await OriginalJson.ReadAsync(await client.GetAsync($"/api/appointments/availability/{sally}?date={slot:yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal(slots, byId.RootElement.GetProperty("availableSlots").EnumerateArray().Select(s => s.GetString()!));

        using var unknown = await OriginalJson.ErrorAsync(await client.GetAsync($"/api/appointments/availability/Dr%20Nobody?date={slot:yyyy-MM-dd}"), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Contains("Dr Nobody", OriginalJson.FieldError(unknown, "provider"));
    }

    [Fact]
    public async Task Health_HasTheOriginalShape()
    {
        using var client = Api.Anonymous();
        using var body = await OriginalJson.ReadAsync(await client.GetAsync("/api/health"), HttpStatusCode.OK);
        OriginalJson.Has(body.RootElement, ("status", JsonValueKind.String), ("timestamp", JsonValueKind.String), ("services", JsonValueKind.Object));
        var services = body.RootElement.GetProperty("services");
        OriginalJson.Has(services, ("api", JsonValueKind.String), ("redis", JsonValueKind.String), ("database", JsonValueKind.String));
        Assert.Equal("healthy", services.GetProperty("database").GetString());
        Assert.True((DateTimeOffset.UtcNow - body.RootElement.GetProperty("timestamp").GetDateTimeOffset()).Duration() < TimeSpan.FromMinutes(1));
    }
}
