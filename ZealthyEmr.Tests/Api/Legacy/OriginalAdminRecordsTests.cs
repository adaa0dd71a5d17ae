using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>
/// The original admin portal's appointment and prescription calls (deleting one keeps it on record, inactive) under a patient (names for providers and
/// medications), the two edit/delete routes its client calls, and the catalogs.
/// </summary>
public sealed class OriginalAdminRecordsTests(OriginalClientApp app) : IClassFixture<OriginalClientApp>
{
    private ApiApp Api => app.Api;

    [Fact]
    public async Task Appointment_AddByName_MoveDeactivateAndDelete()
    {
        var patient = (await Api.App.AddPatientsAsync(1, "appointments"))[0];
        var kim = await Api.App.ProviderIdAsync("Dr Kim West");
        var first = app.Calendar.ToLocal(await Api.App.FreeSlotAsync(kim, daysAhead: 22, index: 5));
        var moved = app.Calendar.ToLocal(await Api.App.FreeSlotAsync(kim, daysAhead: 23, index: 6));
        using var admin = await Api.AsAsync(DemoLogins.Admin);
        var path = $"/api/admin/patients/{patient}/appointments";

        using var unknown = await OriginalJson.ErrorAsync(await admin.PostAsJsonAsync(path, new { provider = "Dr Who", datetime = $"{first:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Contains("Dr Who", OriginalJson.FieldError(unknown, "provider"));

        using var created = await OriginalJson.ReadAsync(
            await admin.PostAsJsonAsync(path, new { provider = "dr kim west", datetime = $"{first:yyyy-MM-dd'T'HH:mm}", repeat = "none" }), HttpStatusCode.Created);
        OriginalJson.Has(created.RootElement, ("message", JsonValueKind.String), ("appointment", JsonValueKind.Object));
        var appointment = created.RootElement.GetProperty("appointment");
        OriginalJson.Has(appointment, OriginalJson.Appointment);
        Assert.Equal("Dr Kim West", appointment.GetProperty("provider").GetString());
        var id = appointment.GetProperty("id").GetString();

        using var movedBody = await OriginalJson.ReadAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { provider = "Dr Kim West", datetime = $"{moved:yyyy-MM-dd'T'HH:mm}", repeat = "none" }), HttpStatusCode.OK);
        Assert.Equal(app.Calendar.ToUtc(moved), movedBody.RootElement.GetProperty("appointment").GetProperty("datetime").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(1, await Api.App.ActiveVisitsAtAsync(kim, app.Calendar.ToUtc(moved)));
        Assert.Equal(0, await Api.App.ActiveVisitsAtAsync(kim, app.Calendar.ToUtc(first)));

        using var inactive = await OriginalJson.ReadAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { isActive = false }), HttpStatusCode.OK);
        Assert.False(inactive.RootElement.GetProperty("appointment").GetProperty("isActive").GetBoolean());
        Assert.Equal(0, await Api.App.ActiveVisitsAtAsync(kim, app.Calendar.ToUtc(moved)));

        using var second = await OriginalJson.ReadAsync(
            await admin.PostAsJsonAsync(path, new { provider = kim.ToString(), datetime = $"{first:yyyy-MM-dd'T'HH:mm}", repeat = "weekly" }), HttpStatusCode.Created);
        Assert.Equal("weekly", second.RootElement.GetProperty("repeat").GetString());
        var secondPath = $"{path}/{second.RootElement.GetProperty("id").GetString()}";
        var resent = new { provider = "Dr Kim West", datetime = second.RootElement.GetProperty("datetime").GetString(), repeat = "weekly", isActive = true };
        using var unchanged = await OriginalJson.ReadAsync(await admin.PutAsJsonAsync(secondPath, resent), HttpStatusCode.OK);
        Assert.Equal(second.RootElement.GetProperty("version").GetString(), unchanged.RootElement.GetProperty("version").GetString());
        using var deleted = await OriginalJson.ReadAsync(await admin.DeleteAsync(secondPath), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(deleted.RootElement.GetProperty("message").GetString()));
        Assert.Equal(0, await Api.App.ActiveVisitsAtAsync(kim, app.Calendar.ToUtc(first)));
    }

    [Fact]
    public async Task Prescription_AddByName_EditPartially_AndDelete()
    {
        var patient = (await Api.App.AddPatientsAsync(1, "scripts"))[0];
        using var admin = await Api.AsAsync(DemoLogins.Admin);
        var path = $"/api/admin/patients/{patient}/prescriptions";
        var refill = app.Calendar.Today.AddDays(10);

        using var unknown = await OriginalJson.ErrorAsync(
            await admin.PostAsJsonAsync(path, new { medication = "Unobtainium", dosage = "5mg", quantity = 1, refill_on = $"{refill:yyyy-MM-dd}", refill_schedule = "monthly" }), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Contains("Unobtainium", OriginalJson.FieldError(unknown, "medication"));

        using var created = await OriginalJson.ReadAsync(
            await admin.PostAsJsonAsync(path, new { medication = "diovan", dosage = "50mg", quantity = 2, refill_on = $"{refill:yyyy-MM-dd}", refill_schedule = "monthly" }), HttpStatusCode.Created);
        OriginalJson.Has(created.RootElement, ("message", JsonValueKind.String), ("prescription", JsonValueKind.Object));
        var prescription = created.RootElement.GetProperty("prescription");
        OriginalJson.Has(prescription, OriginalJson.Prescription);
        Assert.Equal("Diovan", prescription.GetProperty("medication").GetString());
        Assert.Equal($"{refill:yyyy-MM-dd}", prescription.GetProperty("refill_on").GetString());
        var id = prescription.GetProperty("id").GetString();

        using var edited = await OriginalJson.ReadAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { dosage = "100mg", quantity = 3 }), HttpStatusCode.OK);
        var after = edited.RootElement.GetProperty("prescription");
        Assert.Equal("100mg", after.GetProperty("dosage").GetString());
        Assert.Equal(3, after.GetProperty("quantity").GetInt32());
        Assert.Equal("monthly", after.GetProperty("refill_schedule").GetString());
        Assert.Equal("Diovan", after.GetProperty("medication").GetString());

        using var badDose = await OriginalJson.ErrorAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { medication = "Lexapro" }), HttpStatusCode.BadRequest, "VALIDATION");

        using var deleted = await OriginalJson.ReadAsync(await admin.DeleteAsync($"{path}/{id}"), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(deleted.RootElement.GetProperty("message").GetString()));
        using var list = await OriginalJson.ReadAsync(await admin.GetAsync($"/api/admin/patients/{patient}"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.RootElement.GetProperty("prescriptions").EnumerateArray(), p => p.GetProperty("isActive").GetBoolean());
        Assert.Equal(0, list.RootElement.GetProperty("totalPrescriptions").GetInt32());
    }

    [Fact]
    public async Task Providers_AndMedications_AreBareArrays_AndCreateAnswersWithMessage()
    {
        using var admin = await Api.AsAsync(DemoLogins.Admin);
        using var anonymous = Api.Anonymous();
        var summary = new[] { ("id", JsonValueKind.String), ("name", JsonValueKind.String), ("specialty", JsonValueKind.String), ("isActive", JsonValueKind.True) };

        using var publicList = await anonymous.GetAsync("/api/providers");
        Assert.Equal("3", publicList.Headers.GetValues("X-Total-Count").Single());
        using var providers = await OriginalJson.ReadAsync(publicList, HttpStatusCode.OK);
        providers.RootElement.EnumerateArray().ToList().ForEach(p => OriginalJson.Has(p, summary));
        using var adminProviders = await OriginalJson.ReadAsync(await admin.GetAsync("/api/admin/providers"), HttpStatusCode.OK);
        adminProviders.RootElement.EnumerateArray().ToList().ForEach(p => OriginalJson.Has(p, summary));

        using var provider = await OriginalJson.ReadAsync(await admin.PostAsJsonAsync("/api/admin/providers", new { name = "Dr Original Client", specialty = "Dermatology" }), HttpStatusCode.Created);
        OriginalJson.Has(provider.RootElement, ("message", JsonValueKind.String), ("provider", JsonValueKind.Object));
        OriginalJson.Has(provider.RootElement.GetProperty("provider"), summary);

        var medication = new[] { ("id", JsonValueKind.String), ("name", JsonValueKind.String), ("dosages", JsonValueKind.Array), ("isActive", JsonValueKind.True) };
        using var medications = await OriginalJson.ReadAsync(await admin.GetAsync("/api/admin/medications"), HttpStatusCode.OK);
        medications.RootElement.EnumerateArray().ToList().ForEach(m => OriginalJson.Has(m, medication));
        using var created = await OriginalJson.ReadAsync(await admin.PostAsJsonAsync("/api/admin/medications", new { name = "Originalol", dosages = new[] { "10mg", "20mg" } }), HttpStatusCode.Created);
        OriginalJson.Has(created.RootElement, ("message", JsonValueKind.String), ("medication", JsonValueKind.Object));
        var saved = created.RootElement.GetProperty("medication");
        OriginalJson.Has(saved, medication);
        Assert.Equal(["10mg", "20mg"], saved.GetProperty("dosages").EnumerateArray().Select(d => d.GetString()));
        Assert.True(saved.GetProperty("isActive").GetBoolean());
    }
}
