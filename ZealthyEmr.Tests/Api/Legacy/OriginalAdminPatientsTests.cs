using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>The original admin portal's patient calls: bare paged list, <c>{message, patient}</c> writes, partial edits.</summary>
public sealed class OriginalAdminPatientsTests(OriginalClientApp app) : IClassFixture<OriginalClientApp>
{
    private static readonly (string, JsonValueKind)[] PatientFields =
        [("id", JsonValueKind.String), ("name", JsonValueKind.String), ("email", JsonValueKind.String), ("appointments", JsonValueKind.Array),
         ("prescriptions", JsonValueKind.Array), ("totalAppointments", JsonValueKind.Number), ("totalPrescriptions", JsonValueKind.Number)];

    private ApiApp Api => app.Api;

    [Fact]
    public async Task List_IsABareArrayOfPatientsWithRecords_PagedThroughHeaders()
    {
        await Api.App.AddPatientsAsync(3, "paging");
        using var admin = await Api.AsAsync(DemoLogins.Admin);

        using var response = await admin.GetAsync("/api/admin/patients?pageSize=2");
        var total = int.Parse(response.Headers.GetValues("X-Total-Count").Single());
        var link = response.Headers.GetValues("Link").Single();
        using var page = await OriginalJson.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Array, page.RootElement.ValueKind);
        Assert.Equal(2, page.RootElement.GetArrayLength());
        Assert.True(total >= 5, $"total {total}");
        Assert.Contains("page=2&pageSize=2>; rel=\"next\"", link);
        Assert.Contains($"page={(total + 1) / 2}&pageSize=2>; rel=\"last\"", link);
        Assert.DoesNotContain("rel=\"prev\"", link);

        using var all = await OriginalJson.ReadAsync(await admin.GetAsync($"/api/admin/patients?pageSize={total}"), HttpStatusCode.OK);
        var rows = all.RootElement.EnumerateArray().ToList();
        Assert.Equal(total, rows.Count);
        rows.ForEach(r => OriginalJson.Has(r, PatientFields));
        var mark = rows.Single(r => r.GetProperty("email").GetString() == DemoLogins.Mark);
        Assert.Equal(2, mark.GetProperty("appointments").GetArrayLength());
        Assert.Equal(2, mark.GetProperty("prescriptions").GetArrayLength());
        mark.GetProperty("appointments").EnumerateArray().ToList().ForEach(a => OriginalJson.Has(a, OriginalJson.Appointment));
        mark.GetProperty("prescriptions").EnumerateArray().ToList().ForEach(p => OriginalJson.Has(p, OriginalJson.Prescription));
        var next = mark.GetProperty("nextAppointment");
        OriginalJson.Has(next, OriginalJson.Appointment);
        Assert.Equal(mark.GetProperty("nextAppointmentAt").GetDateTimeOffset(), next.GetProperty("datetime").GetDateTimeOffset());
        var withoutVisits = rows.First(r => r.GetProperty("name").GetString()!.StartsWith("paging", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, withoutVisits.GetProperty("nextAppointment").ValueKind);
    }

    [Fact]
    public async Task Detail_HasAppointmentsAndPrescriptions()
    {
        var lisa = await Api.PatientIdAsync(DemoLogins.Lisa);
        using var admin = await Api.AsAsync(DemoLogins.Admin);
        using var body = await OriginalJson.ReadAsync(await admin.GetAsync($"/api/admin/patients/{lisa}"), HttpStatusCode.OK);
        OriginalJson.Has(body.RootElement, PatientFields);
        Assert.Equal(2, body.RootElement.GetProperty("appointments").GetArrayLength());
        Assert.Equal("monthly", body.RootElement.GetProperty("appointments").EnumerateArray().Select(a => a.GetProperty("repeat").GetString()).Order().First());
    }

    [Fact]
    public async Task Create_Update_Delete_AnswerWithMessage_AndTheEditIsPartial()
    {
        using var admin = await Api.AsAsync(DemoLogins.Admin);
        using var created = await OriginalJson.ReadAsync(
            await admin.PostAsJsonAsync("/api/admin/patients", new { name = "Nora Original", email = "nora.original@clinic.test", password = "Lantern-Orbit-Maple-42" }), HttpStatusCode.Created);
        OriginalJson.Has(created.RootElement, ("message", JsonValueKind.String), ("patient", JsonValueKind.Object), ("id", JsonValueKind.String));
        var id = created.RootElement.GetProperty("patient").GetProperty("id").GetString();
        Assert.Equal(id, created.RootElement.GetProperty("id").GetString());
        Assert.False(created.RootElement.GetProperty("patient").TryGetProperty("password", out _));

        using var taken = await OriginalJson.ErrorAsync(
            await admin.PostAsJsonAsync("/api/admin/patients", new { name = "Other", email = "nora.original@clinic.test", password = "Lantern-Orbit-Maple-42" }), HttpStatusCode.Conflict, "DUPLICATE_EMAIL");

        using var renamed = await OriginalJson.ReadAsync(
            await admin.PutAsJsonAsync($"/api/admin/patients/{id}", new { name = "Nora Renamed", email = "", password = "" }), HttpStatusCode.OK);
        Assert.Equal("Nora Renamed", renamed.RootElement.GetProperty("patient").GetProperty("name").GetString());
        Assert.Equal("nora.original@clinic.test", renamed.RootElement.GetProperty("patient").GetProperty("email").GetString());
        Assert.False(string.IsNullOrEmpty(renamed.RootElement.GetProperty("message").GetString()));

        using var weak = await OriginalJson.ErrorAsync(await admin.PutAsJsonAsync($"/api/admin/patients/{id}", new { name = "Nora Weak", password = "short" }), HttpStatusCode.BadRequest, "VALIDATION");
        using var unchanged = await OriginalJson.ReadAsync(await admin.GetAsync($"/api/admin/patients/{id}"), HttpStatusCode.OK);
        Assert.Equal("Nora Renamed", unchanged.RootElement.GetProperty("name").GetString());

        using var repassed = await admin.PutAsJsonAsync($"/api/admin/patients/{id}", new { password = "NewPassword456!" });
        Assert.Equal(HttpStatusCode.OK, repassed.StatusCode);
        using var signedIn = await app.LoginAsync("nora.original@clinic.test", "NewPassword456!");
        Assert.Equal(id, signedIn.RootElement.GetProperty("user").GetProperty("id").GetString());

        using var deleted = await OriginalJson.ReadAsync(await admin.DeleteAsync($"/api/admin/patients/{id}"), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(deleted.RootElement.GetProperty("message").GetString()));
        using var list = await OriginalJson.ReadAsync(await admin.GetAsync("/api/admin/patients?search=nora"), HttpStatusCode.OK);
        Assert.Equal(0, list.RootElement.GetArrayLength());
        using var anonymous = Api.Anonymous();
        using var blocked = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "nora.original@clinic.test", password = "NewPassword456!" });
        Assert.Equal(HttpStatusCode.Unauthorized, blocked.StatusCode);
    }
}
