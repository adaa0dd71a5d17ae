using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>
/// <c>PUT /api/admin/patients/{id}/appointments/{appointmentId}</c> with a new provider or repeat: a one-off moves
/// (or becomes a series), a series is re-planned, a conflict names its first date and writes nothing. Each test
/// schedules with providers of its own, free all week, so the seeded clinic's visits never get in the way.
/// </summary>
public sealed class OriginalAppointmentEditTests(OriginalClientApp app) : IClassFixture<OriginalClientApp>
{
    private static readonly string[] Week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private ApiApp Api => app.Api;

    [Fact]
    public async Task OneOff_NewProvider_MovesTheVisitToThem_AtTheSameTime()
    {
        var (admin, path) = await ArrangeAsync("move");
        var (first, second) = (await NewProviderAsync(admin, "Dr Move From"), await NewProviderAsync(admin, "Dr Move To"));
        var slot = await Api.App.FreeSlotAsync(first, daysAhead: 12, index: 3);
        var id = await CreateAsync(admin, path, "Dr Move From", slot, "none");

        using var body = await OriginalJson.ReadAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { provider = "dr move to" }), HttpStatusCode.OK);

        var appointment = body.RootElement.GetProperty("appointment");
        Assert.Equal(id, appointment.GetProperty("id").GetString());
        Assert.Equal("Dr Move To", appointment.GetProperty("provider").GetString());
        Assert.Equal("none", appointment.GetProperty("repeat").GetString());
        Assert.Equal(slot, appointment.GetProperty("datetime").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(1, await Api.App.ActiveVisitsAtAsync(second, slot));
        Assert.Equal(0, await Api.App.ActiveVisitsAtAsync(first, slot));
    }

    [Fact]
    public async Task OneOff_RepeatWeekly_BecomesASeriesFromItsVisit()
    {
        var (admin, path) = await ArrangeAsync("toweekly");
        var provider = await NewProviderAsync(admin, "Dr To Weekly");
        var slot = await Api.App.FreeSlotAsync(provider, daysAhead: 14, index: 2);
        var id = await CreateAsync(admin, path, "Dr To Weekly", slot, "none");

        using var body = await OriginalJson.ReadAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { repeat = "weekly" }), HttpStatusCode.OK);

        Assert.Equal("weekly", body.RootElement.GetProperty("appointment").GetProperty("repeat").GetString());
        var starts = await UpcomingAsync(Guid.Parse(id));
        Assert.True(starts.Count >= 30, $"a weekly series fills the horizon, got {starts.Count} visits");
        Assert.Equal(slot, starts[0]);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(TimeSpan.FromDays(7), app.Calendar.ToLocal(pair.Second) - app.Calendar.ToLocal(pair.First)));
    }

    [Fact]
    public async Task Series_NewProviderAndRepeat_ReplansItsUpcomingVisits()
    {
        var (admin, path) = await ArrangeAsync("replan");
        var (before, after) = (await NewProviderAsync(admin, "Dr Replan From"), await NewProviderAsync(admin, "Dr Replan To"));
        var slot = await Api.App.FreeSlotAsync(before, daysAhead: 9, index: 5);
        var id = await CreateAsync(admin, path, "Dr Replan From", slot, "weekly");

        using var body = await OriginalJson.ReadAsync(
            await admin.PutAsJsonAsync($"{path}/{id}", new { provider = "Dr Replan To", repeat = "monthly", isActive = true }), HttpStatusCode.OK);

        var appointment = body.RootElement.GetProperty("appointment");
        Assert.Equal("Dr Replan To", appointment.GetProperty("provider").GetString());
        Assert.Equal("monthly", appointment.GetProperty("repeat").GetString());
        await using var db = await Api.CreateDbContextAsync();
        var visits = await db.Visits.Where(v => v.SeriesId == Guid.Parse(id) && v.Status == VisitStatus.Scheduled).OrderBy(v => v.StartUtc).ToListAsync();
        Assert.True(visits.Count >= 3, $"got {visits.Count} visits");
        Assert.All(visits, v => Assert.Equal(after, v.ProviderId));
        Assert.Equal(slot, visits[0].StartUtc);
        var local = visits.Select(v => app.Calendar.ToLocal(v.StartUtc)).ToList();
        Assert.All(local.Select((l, n) => (l, n)), x => Assert.Equal(local[0].AddMonths(x.n), x.l));
        Assert.False(await db.Visits.AnyAsync(v => v.ProviderId == before && v.Status == VisitStatus.Scheduled));
    }

    [Fact]
    public async Task Series_ReplanThatCollides_Is409NamingTheFirstDate_AndWritesNothing()
    {
        var (admin, path) = await ArrangeAsync("collide");
        var (before, after) = (await NewProviderAsync(admin, "Dr Collide From"), await NewProviderAsync(admin, "Dr Collide To"));
        var slot = await Api.App.FreeSlotAsync(before, daysAhead: 10, index: 4);
        var id = await CreateAsync(admin, path, "Dr Collide From", slot, "weekly");
        var takenLocal = app.Calendar.ToLocal(slot).AddDays(21);
        var other = (await Api.App.AddPatientsAsync(1, "collide-other"))[0];
        var held = await Api.App.Services.GetRequiredService<BookingService>().BookAsync(other, after, app.Calendar.ToUtc(takenLocal));
        Assert.True(held.Succeeded, held.Error?.Message);
        var snapshot = await Api.SnapshotAsync();

        using var body = await OriginalJson.ErrorAsync(
            await admin.PutAsJsonAsync($"{path}/{id}", new { provider = "Dr Collide To" }), HttpStatusCode.Conflict, "PROVIDER_CONFLICT");

        Assert.Contains(takenLocal.ToString("MMMM d, yyyy"), body.RootElement.GetProperty("message").GetString());
        Assert.Equal(snapshot, await Api.SnapshotAsync());
    }

    [Fact]
    public async Task Series_ToRepeatNone_OrCancelledWithAChange_Is400WithMessage_AndWritesNothing()
    {
        var (admin, path) = await ArrangeAsync("refuse");
        var provider = await NewProviderAsync(admin, "Dr Refuse");
        var slot = await Api.App.FreeSlotAsync(provider, daysAhead: 11, index: 1);
        var id = await CreateAsync(admin, path, "Dr Refuse", slot, "weekly");
        var snapshot = await Api.SnapshotAsync();

        using var none = await OriginalJson.ErrorAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { repeat = "none" }), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Contains("endDate", OriginalJson.FieldError(none, "repeat"));
        using var both = await OriginalJson.ErrorAsync(
            await admin.PutAsJsonAsync($"{path}/{id}", new { repeat = "monthly", isActive = false }), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.False(string.IsNullOrEmpty(OriginalJson.FieldError(both, "isActive")));
        using var unknown = await OriginalJson.ErrorAsync(await admin.PutAsJsonAsync($"{path}/{id}", new { provider = "Dr Nobody" }), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Contains("Dr Nobody", OriginalJson.FieldError(unknown, "provider"));

        Assert.Equal(snapshot, await Api.SnapshotAsync());
    }

    private async Task<(HttpClient Admin, string Path)> ArrangeAsync(string prefix)
    {
        var patient = (await Api.App.AddPatientsAsync(1, prefix))[0];
        return (await Api.AsAsync(DemoLogins.Admin), $"/api/admin/patients/{patient}/appointments");
    }

    /// <summary>A provider working every day 09:00–17:00, so any monthly date is within their hours.</summary>
    private static async Task<Guid> NewProviderAsync(HttpClient admin, string name)
    {
        var hours = Week.Select(day => new { day, start = "09:00", end = "17:00" }).ToArray();
        using var body = await OriginalJson.ReadAsync(await admin.PostAsJsonAsync("/api/admin/providers", new { name, specialty = "Family medicine", hours }), HttpStatusCode.Created);
        return Guid.Parse(body.RootElement.GetProperty("id").GetString()!);
    }

    private async Task<string> CreateAsync(HttpClient admin, string path, string provider, DateTime slotUtc, string repeat)
    {
        using var body = await OriginalJson.ReadAsync(
            await admin.PostAsJsonAsync(path, new { provider, datetime = $"{app.Calendar.ToLocal(slotUtc):yyyy-MM-dd'T'HH:mm}", repeat }), HttpStatusCode.Created);
        return body.RootElement.GetProperty("appointment").GetProperty("id").GetString()!;
    }

    private async Task<List<DateTime>> UpcomingAsync(Guid seriesId)
    {
        await using var db = await Api.CreateDbContextAsync();
        return await db.Visits.Where(v => v.SeriesId == seriesId && v.Status == VisitStatus.Scheduled).OrderBy(v => v.StartUtc).Select(v => v.StartUtc).ToListAsync();
    }
}
