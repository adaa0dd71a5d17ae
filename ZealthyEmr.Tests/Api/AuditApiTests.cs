using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Tests.Integration.Audit;

namespace ZealthyEmr.Tests.Api;

/// <summary>Every API read of patient data leaves a View, every API write its Create/Update, with the caller, the patient and the Api channel.</summary>
public sealed class AuditApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    private AuditTrailProbe Probe => new(api.App);

    [Theory]
    [InlineData(DemoLogins.Mark, "/api/patients/{mark}/dashboard", "PatientDashboard")]
    [InlineData(DemoLogins.Mark, "/api/patients/{mark}/appointments", "AppointmentSeries")]
    [InlineData(DemoLogins.Mark, "/api/patients/{mark}/prescriptions", "Prescription")]
    [InlineData(DemoLogins.Admin, "/api/admin/patients/{mark}", "Patient")]
    [InlineData(DemoLogins.Admin, "/api/admin/patients?search=mark", "PatientRecordList")]
    public async Task ApiRead_OfPatientData_LeavesAViewByTheCaller(string caller, string path, string entityType)
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        using var client = await api.AsAsync(caller);
        var before = await Probe.MarkAsync();

        using var response = await client.GetAsync(path.Replace("{mark}", mark.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = Assert.Single(await Probe.SinceAsync(before), e => e.Action == AuditAction.View && e.EntityType == entityType);
        Assert.Equal((caller, AuditChannel.Api, (Guid?)mark), (view.ActorEmail, view.Channel, view.PatientId));
        Assert.NotNull(view.ActorUserId);
        Assert.NotNull(view.CorrelationId);
    }

    [Fact]
    public async Task ApiPatientList_RecordsOneViewPerListedPatient_NamingTheirRecords()
    {
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var before = await Probe.MarkAsync();

        using var response = await admin.GetAsync("/api/admin/patients?pageSize=25");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(listed);
        // The page carries each patient's appointments and prescriptions, and one View per patient says so.
        Assert.Contains(listed, p => p.GetProperty("appointments").GetArrayLength() > 0);
        Assert.Contains(listed, p => p.GetProperty("prescriptions").GetArrayLength() > 0);
        var views = (await Probe.SinceAsync(before)).Where(e => e.Action == AuditAction.View && e.ActorEmail == DemoLogins.Admin).ToList();
        Assert.All(views, v => Assert.Equal("PatientRecordList", v.EntityType));
        Assert.Equal(listed.Select(p => (Guid?)p.GetProperty("id").GetGuid()).Order(), views.Select(v => v.PatientId).Order());
    }

    [Fact]
    public async Task ApiWrite_RecordsCreateAndUpdate_WithTheAdminAsActor()
    {
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var before = await Probe.MarkAsync();
        var email = $"api-audit-{Guid.NewGuid():N}@example.com";

        using var created = await admin.PostAsJsonAsync("/api/admin/patients", new { name = "Api Audit", email, password = "Sturdy-Pass-42" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var updated = await admin.PutAsJsonAsync($"/api/admin/patients/{id}", new { name = "Api Audit", email, phone = "+1 555 0102" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var rows = (await Probe.SinceAsync(before)).Where(e => e.PatientId == id && e.EntityType == "Patient").ToList();
        var create = Assert.Single(rows, e => e.Action == AuditAction.Create);
        var update = Assert.Single(rows, e => e.Action == AuditAction.Update);
        Assert.All([create, update], e => Assert.Equal((DemoLogins.Admin, "Admin", AuditChannel.Api), (e.ActorEmail, e.ActorRole, e.Channel)));
        Assert.Equal("Phone", update.ChangedFields);
    }

    [Fact]
    public async Task AuditLog_FiltersByPatientAndAction_AndVerifiesIntact()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        using (var markClient = await api.AsAsync(DemoLogins.Mark))
        {
            (await markClient.GetAsync($"/api/patients/{mark}/dashboard")).EnsureSuccessStatusCode();
        }

        using var admin = await api.AsAsync(DemoLogins.Admin);
        using var page = JsonDocument.Parse(await admin.GetStringAsync($"/api/admin/audit?patient={mark}&action=view&pageSize=10"));
        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(("view", mark.ToString()), (i.GetProperty("action").GetString(), i.GetProperty("patientId").GetString())));

        using var verify = JsonDocument.Parse(await admin.GetStringAsync("/api/admin/audit/verify"));
        Assert.True(verify.RootElement.GetProperty("intact").GetBoolean(), verify.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AuditExport_IsCsvWithHashes_AndIsItselfAudited()
    {
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var before = await Probe.MarkAsync();

        using var response = await admin.GetAsync("/api/admin/audit/export?action=create");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Id,OccurredUtc,", csv, StringComparison.Ordinal);
        Assert.Contains(",Create,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",View,", csv, StringComparison.Ordinal);
        var export = Assert.Single(await Probe.SinceAsync(before), e => e.Action == AuditAction.Export);
        Assert.Equal((DemoLogins.Admin, AuditChannel.Api), (export.ActorEmail, export.Channel));
    }

    [Fact]
    public async Task AuditLog_UnknownAction_IsAProblemNamingTheField()
    {
        using var admin = await api.AsAsync(DemoLogins.Admin);

        using var response = await admin.GetAsync("/api/admin/audit?action=peek");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAssert.IsProblemAsync(response, "unknown action");
        Assert.Contains("action", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
