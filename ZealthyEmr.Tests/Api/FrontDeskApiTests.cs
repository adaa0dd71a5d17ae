using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

/// <summary>The front desk through the API: staff schedule for any patient, and the counts agree with a hand count.</summary>
public sealed class FrontDeskApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task StaffBookCancelAndEnd_ThePatientsCountsMatchAHandCount()
    {
        var kim = await api.App.ProviderIdAsync("Dr Kim West");
        var patient = (await api.App.AddPatientsAsync(1, "api-desk"))[0];
        var calendar = api.App.Services.GetRequiredService<ClinicCalendar>();
        var day = calendar.Today.AddDays(50);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }

        string At(int hour) => calendar.ToLocal(calendar.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)))).ToString("yyyy-MM-dd'T'HH:mm");
        using var staff = await api.AsAsync(DemoLogins.Staff);
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var route = $"/api/patients/{patient}/appointments";

        // By hand: a single visit booked then cancelled, a weekly series kept, a weekly series ended: one series.
        var single = await IdOfAsync(await staff.PostAsJsonAsync(route, new { providerId = kim, datetime = At(9), repeat = "none" }));
        var kept = await IdOfAsync(await staff.PostAsJsonAsync(route, new { providerId = kim, datetime = At(10), repeat = "weekly" }));
        var ended = await IdOfAsync(await staff.PostAsJsonAsync(route, new { providerId = kim, datetime = At(11), repeat = "weekly" }));
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"{route}/{single}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync($"{route}/{ended}")).StatusCode);

        using var list = JsonDocument.Parse(await staff.GetStringAsync(route));
        var active = list.RootElement.EnumerateArray().Where(a => a.GetProperty("isActive").GetBoolean()).Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal([kept], active);
        using var dto = JsonDocument.Parse(await admin.GetStringAsync($"/api/admin/patients/{patient}"));
        Assert.Equal(1, dto.RootElement.GetProperty("totalAppointments").GetInt32());
    }

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("id").GetString()!;
        }
    }
}
