using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

/// <summary>The JSON shapes of the original contract: field names, string ids, clinic-offset instants, YYYY-MM-DD dates.</summary>
public sealed partial class ContractTests(ApiApp api) : IClassFixture<ApiApp>
{
    private static readonly string[] AppointmentFields = ["id", "provider", "providerId", "datetime", "repeat", "isActive", "endDate"];
    private static readonly string[] PrescriptionFields = ["id", "medication", "dosage", "quantity", "refill_on", "refill_schedule", "endDate", "isActive"];
    private static readonly string[] PatientFields = ["id", "name", "email", "totalAppointments", "totalPrescriptions", "nextAppointment"];

    [Fact]
    public async Task Login_ReturnsTokenAndUser_WithThePatientId()
    {
        using var client = api.Anonymous();
        using var response = await client.PostAsync("/api/auth/login", Json($"{{\"email\":\"{DemoLogins.Mark}\",\"password\":\"{DemoLogins.Password}\"}}"));
        using var body = await ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(3, body.RootElement.GetProperty("token").GetString()!.Split('.').Length);
        var user = body.RootElement.GetProperty("user");
        HasFields(user, "id", "email", "name", "roles", "patientId");
        Assert.Equal((await api.PatientIdAsync(DemoLogins.Mark)).ToString(), user.GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task PatientAppointmentsAndPrescriptions_UseTheContractsFieldNames()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        using var client = await api.AsAsync(DemoLogins.Mark);

        using var appointments = await ReadAsync(await client.GetAsync($"/api/patients/{mark}/appointments"), HttpStatusCode.OK);
        Assert.Equal(2, appointments.RootElement.GetArrayLength());
        foreach (var a in appointments.RootElement.EnumerateArray())
        {
            HasFields(a, AppointmentFields);
            IsId(a.GetProperty("id"));
            IsId(a.GetProperty("providerId"));
            IsClinicInstant(a.GetProperty("datetime"));
            Assert.Contains(a.GetProperty("repeat").GetString(), new[] { "weekly", "monthly" });
        }

        using var prescriptions = await ReadAsync(await client.GetAsync($"/api/patients/{mark}/prescriptions"), HttpStatusCode.OK);
        Assert.Equal(2, prescriptions.RootElement.GetArrayLength());
        foreach (var p in prescriptions.RootElement.EnumerateArray())
        {
            HasFields(p, PrescriptionFields);
            IsId(p.GetProperty("id"));
            Assert.Matches(DateOnlyPattern(), p.GetProperty("refill_on").GetString()!);
            Assert.Contains(p.GetProperty("refill_schedule").GetString(), new[] { "weekly", "monthly" });
            Assert.Equal(JsonValueKind.Number, p.GetProperty("quantity").ValueKind);
        }
    }

    [Fact]
    public async Task AdminPatients_ListAndDetail_UseTheContractsFieldNames()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        using var admin = await api.AsAsync(DemoLogins.Admin);

        using var page = await ReadAsync(await admin.GetAsync("/api/admin/patients?page=1&pageSize=10&search=mark"), HttpStatusCode.OK);
        var row = Assert.Single(page.RootElement.EnumerateArray());
        HasFields(row, [.. PatientFields, "appointments", "prescriptions", "nextAppointmentAt"]);
        Assert.Equal(2, row.GetProperty("totalAppointments").GetInt32());
        Assert.Equal(2, row.GetProperty("totalPrescriptions").GetInt32());
        IsClinicInstant(row.GetProperty("nextAppointment").GetProperty("datetime"));
        IsClinicInstant(row.GetProperty("nextAppointmentAt"));

        using var detail = await ReadAsync(await admin.GetAsync($"/api/admin/patients/{mark}"), HttpStatusCode.OK);
        HasFields(detail.RootElement, [.. PatientFields, "appointments", "prescriptions"]);
        Assert.Equal("Mark Johnson", detail.RootElement.GetProperty("name").GetString());
        Assert.Equal(2, detail.RootElement.GetProperty("appointments").GetArrayLength());
        HasFields(detail.RootElement.GetProperty("prescriptions")[0], PrescriptionFields);
    }

    [Fact]
    public async Task Dashboard_ProvidersAvailabilityAndCatalog_HaveTheirShapes()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        var kim = await api.App.ProviderIdAsync("Dr Kim West");
        var slot = await api.App.FreeSlotAsync(kim);
        var day = api.App.Services.GetService(typeof(ZealthyEmr.Domain.Clinic.ClinicCalendar)) is ZealthyEmr.Domain.Clinic.ClinicCalendar c ? DateOnly.FromDateTime(c.ToLocal(slot)) : default;
        using var client = await api.AsAsync(DemoLogins.Mark);
        using var admin = await api.AsAsync(DemoLogins.Admin);

        using var dashboard = await ReadAsync(await client.GetAsync($"/api/patients/{mark}/dashboard"), HttpStatusCode.OK);
        HasFields(dashboard.RootElement, "id", "name", "email", "appointments", "refills");
        Assert.NotEqual(0, dashboard.RootElement.GetProperty("refills").GetArrayLength());

        using var providers = await ReadAsync(await client.GetAsync("/api/providers"), HttpStatusCode.OK);
        Assert.Equal(3, providers.RootElement.GetArrayLength());
        HasFields(providers.RootElement[0], "id", "name", "specialty", "isActive");

        using var free = await ReadAsync(await client.GetAsync($"/api/providers/{kim}/availability/{day:yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal($"{day:yyyy-MM-dd}", free.RootElement.GetProperty("date").GetString());
        IsClinicInstant(free.RootElement.GetProperty("slots")[0]);

        using var adminProviders = await ReadAsync(await admin.GetAsync("/api/admin/providers"), HttpStatusCode.OK);
        var hours = adminProviders.RootElement[0].GetProperty("hours")[0];
        Assert.Equal("monday", hours.GetProperty("day").GetString());
        Assert.Equal("09:00", hours.GetProperty("start").GetString());

        using var medications = await ReadAsync(await admin.GetAsync("/api/admin/medications"), HttpStatusCode.OK);
        HasFields(medications.RootElement[0], "id", "name", "description", "strengths", "isRetired");
    }

    [Fact]
    public async Task OpenApiDocument_IsServedToAnAdminOnly_AndTheDocsPageNotAtAll_OutsideDevelopment()
    {
        using var anonymous = api.Anonymous();
        using var refused = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var noDocsPage = await anonymous.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.NotFound, noDocsPage.StatusCode);

        using var client = await api.AsAsync(DemoLogins.Admin);
        using var doc = await ReadAsync(await client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/appointments/book", out var book));
        Assert.True(book.GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        var bearer = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("Bearer", doc.RootElement.GetProperty("security")[0].EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task OpenApiDocument_AndDocs_AreAnonymous_WhenPublicDocsIsOn()
    {
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?> { ["Api:PublicDocs"] = "true" });
        using var client = app.CreateClient();

        using var doc = await client.GetAsync("/openapi/v1.json");
        using var docs = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("'unsafe-inline'", string.Join(" ", docs.Headers.GetValues("Content-Security-Policy")));
    }

    internal static StringContent Json(string text) => new(text, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text);
        }
    }

    private static void HasFields(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(element.TryGetProperty(name, out _), $"missing '{name}' in {element}");
        }
    }

    private static void IsId(JsonElement id) => Assert.True(id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out _), $"{id} is not a string id");

    private static void IsClinicInstant(JsonElement value)
    {
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        var match = ClinicInstantPattern().Match(value.GetString()!);
        Assert.True(match.Success, $"{value} is not local time with an offset");
        Assert.Contains(match.Groups[1].Value, new[] { "-08:00", "-07:00" });
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})$")]
    private static partial Regex ClinicInstantPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyPattern();
}
