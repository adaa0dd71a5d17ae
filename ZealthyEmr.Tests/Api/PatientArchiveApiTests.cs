using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Api;

/// <summary>The API's DELETE keeps its contract (204) but archives; restore brings the patient back with every record.</summary>
public sealed class PatientArchiveApiTests
{
    [Fact]
    public async Task Delete_Archives_HidesFromSearch_AndRestoreBringsThePatientBack()
    {
        await using var api = new ApiApp();
        await api.InitializeAsync();
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var lisa = await api.PatientIdAsync(DemoLogins.Lisa);
        var appointmentsBefore = await CountAsync(admin, $"/api/patients/{lisa}/appointments");

        using var deleted = await admin.DeleteAsync($"/api/admin/patients/{lisa}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False(string.IsNullOrEmpty((await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()));
        using var stillThere = await admin.GetAsync($"/api/admin/patients/{lisa}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.True((await stillThere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archived").GetBoolean());
        Assert.Equal(0, await TotalAsync(admin, "/api/admin/patients?search=lisa"));
        Assert.Equal(1, await TotalAsync(admin, "/api/admin/patients?search=lisa&includeArchived=true"));
        using var refused = await api.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Lisa, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var restored = await admin.PostAsync($"/api/admin/patients/{lisa}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.False((await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("archived").GetBoolean());
        Assert.Equal(appointmentsBefore, await CountAsync(admin, $"/api/patients/{lisa}/appointments"));
        using var signsIn = await api.Anonymous().PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Lisa, password = DemoLogins.Password });
        Assert.Equal(HttpStatusCode.OK, signsIn.StatusCode);
    }

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetArrayLength();

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
