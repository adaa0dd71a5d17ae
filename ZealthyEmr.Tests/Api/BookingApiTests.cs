using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

public sealed class BookingApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task PostingAnAvailabilitySlotBack_BooksExactlyThatSlot()
    {
        var calendar = api.App.Services.GetRequiredService<ClinicCalendar>();
        var sally = await api.App.ProviderIdAsync("Dr Sally Field");
        var day = DateOnly.FromDateTime(calendar.ToLocal(await api.App.FreeSlotAsync(sally, daysAhead: 9)));
        using var mark = await api.AsAsync(DemoLogins.Mark);
        using var free = JsonDocument.Parse(await mark.GetStringAsync($"/api/providers/{sally}/availability/{day:yyyy-MM-dd}"));
        var offered = free.RootElement.GetProperty("slots")[1].GetString()!;

        using var booked = await mark.PostAsJsonAsync("/api/appointments/book", new { providerId = sally, datetime = offered });

        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        using var body = JsonDocument.Parse(await booked.Content.ReadAsStringAsync());
        Assert.Equal(offered, body.RootElement.GetProperty("datetime").GetString());
        Assert.Equal("none", body.RootElement.GetProperty("repeat").GetString());
        Assert.Equal(1, await api.App.ActiveVisitsAtAsync(sally, DateTimeOffset.Parse(offered).UtcDateTime));
        using var after = JsonDocument.Parse(await mark.GetStringAsync($"/api/providers/{sally}/availability/{day:yyyy-MM-dd}"));
        Assert.DoesNotContain(after.RootElement.GetProperty("slots").EnumerateArray(), s => s.GetString() == offered);
    }

    [Fact]
    public async Task SameSlot_ProviderConflictForAnother_UserConflictForOwnClash_AndZOrLocalTimeAreTheSameSlot()
    {
        var calendar = api.App.Services.GetRequiredService<ClinicCalendar>();
        var kim = await api.App.ProviderIdAsync("Dr Kim West");
        var lin = await api.App.ProviderIdAsync("Dr Lin James");
        var slot = await api.App.FreeSlotAsync(kim, daysAhead: 20);
        using var mark = await api.AsAsync(DemoLogins.Mark);
        using var lisa = await api.AsAsync(DemoLogins.Lisa);

        using var first = await mark.PostAsJsonAsync("/api/appointments/book", new { providerId = kim, datetime = slot.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var again = await mark.PostAsJsonAsync("/api/appointments/book", new { providerId = kim, datetime = calendar.ToLocal(slot).ToString("yyyy-MM-dd'T'HH:mm") });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var taken = await lisa.PostAsJsonAsync("/api/appointments/book", new { providerId = kim, datetime = calendar.ToOffset(slot) });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("PROVIDER_CONFLICT", await ProblemAssert.IsProblemAsync(taken));

        using var clash = await mark.PostAsJsonAsync("/api/appointments/book", new { providerId = lin, datetime = calendar.ToOffset(slot) });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("USER_CONFLICT", await ProblemAssert.IsProblemAsync(clash));
        Assert.Equal(1, await api.App.ActiveVisitsAtAsync(kim, slot));
    }

    [Fact]
    public async Task TwoConcurrentRequestsForOneSlot_ExactlyOneIsCreated()
    {
        var lin = await api.App.ProviderIdAsync("Dr Lin James");
        var slot = await api.App.FreeSlotAsync(lin, daysAhead: 30);
        var mark = await api.AsAsync(DemoLogins.Mark);
        var lisa = await api.AsAsync(DemoLogins.Lisa);
        var body = new { providerId = lin, datetime = slot.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") };

        var responses = await Task.WhenAll(mark.PostAsJsonAsync("/api/appointments/book", body), lisa.PostAsJsonAsync("/api/appointments/book", body));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        Assert.Contains(await ProblemAssert.IsProblemAsync(loser), new[] { "PROVIDER_CONFLICT", "SLOT_LOCKED" });
        Assert.Equal(1, await api.App.ActiveVisitsAtAsync(lin, slot));
        mark.Dispose();
        lisa.Dispose();
    }

    [Fact]
    public async Task Staff_CannotBookForThemselves_AndAdminSchedulesASeriesForMark()
    {
        var kim = await api.App.ProviderIdAsync("Dr Kim West");
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        var slot = await api.App.FreeSlotAsync(kim, daysAhead: 40, index: 2);
        using var staff = await api.AsAsync(DemoLogins.Staff);
        using var admin = await api.AsAsync(DemoLogins.Admin);

        using var refused = await staff.PostAsJsonAsync("/api/appointments/book", new { providerId = kim, datetime = slot.ToString("O") });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var created = await admin.PostAsJsonAsync($"/api/patients/{mark}/appointments", new { providerId = kim, datetime = slot.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), repeat = "weekly" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("weekly", body.RootElement.GetProperty("repeat").GetString());

        using var ended = await admin.DeleteAsync($"/api/patients/{mark}/appointments/{body.RootElement.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(0, await api.App.ActiveVisitsAtAsync(kim, slot));
    }
}
