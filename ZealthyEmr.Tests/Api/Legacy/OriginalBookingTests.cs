using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Medallion.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary><c>POST /api/appointments/book</c> as the original client sends it: provider by name, naive clinic time, userId, repeat.</summary>
public sealed class OriginalBookingTests(OriginalClientApp app) : IClassFixture<OriginalClientApp>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private ApiApp Api => app.Api;

    [Fact]
    public async Task NaiveSlotFromAvailability_PostedBackByANewYorkClient_BooksExactlyThatSlot()
    {
        var mark = await Api.PatientIdAsync(DemoLogins.Mark);
        var kim = await Api.App.ProviderIdAsync("Dr Kim West");
        var day = DateOnly.FromDateTime(app.Calendar.ToLocal(await Api.App.FreeSlotAsync(kim, daysAhead: 15)));
        using var client = await Api.AsAsync(DemoLogins.Mark);

        using var free = await OriginalJson.ReadAsync(await client.GetAsync($"/api/appointments/availability/Dr%20Kim%20West?date={day:yyyy-MM-dd}"), HttpStatusCode.OK);
        var slot = free.RootElement.GetProperty("availableSlots")[0].GetString()!;
        // The client sends the string it was given; a browser in New York never reinterprets it.
        var booking = new { userId = mark.ToString(), provider = "Dr Kim West", datetime = slot, repeat = "none" };
        using var response = await client.PostAsJsonAsync("/api/appointments/book", booking);
        using var body = await OriginalJson.ReadAsync(response, HttpStatusCode.Created);

        OriginalJson.Has(body.RootElement, ("message", JsonValueKind.String), ("appointment", JsonValueKind.Object), ("id", JsonValueKind.String));
        var appointment = body.RootElement.GetProperty("appointment");
        OriginalJson.Has(appointment, OriginalJson.Appointment);
        Assert.Equal("Dr Kim West", appointment.GetProperty("provider").GetString());
        Assert.Equal("none", appointment.GetProperty("repeat").GetString());
        var clinicLocal = DateTime.ParseExact(slot, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var bookedUtc = app.Calendar.ToUtc(clinicLocal);
        Assert.Equal(bookedUtc, appointment.GetProperty("datetime").GetDateTimeOffset().UtcDateTime);
        Assert.Equal(1, await Api.App.ActiveVisitsAtAsync(kim, bookedUtc));
        // What the New York patient's browser shows for the booked instant: the same moment, in their own hours.
        var shownInNewYork = TimeZoneInfo.ConvertTime(appointment.GetProperty("datetime").GetDateTimeOffset(), NewYork);
        Assert.Equal(bookedUtc, shownInNewYork.UtcDateTime);

        using var again = await client.PostAsJsonAsync("/api/appointments/book", booking);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await Api.App.ActiveVisitsAtAsync(kim, bookedUtc));
    }

    [Fact]
    public async Task Weekly_CreatesASeries_WithAVisitEveryWeekUpToTheHorizon()
    {
        var sally = await Api.App.ProviderIdAsync("Dr Sally Field");
        var first = app.Calendar.ToLocal(await Api.App.FreeSlotAsync(sally, daysAhead: 20, index: 1));
        using var client = await Api.AsAsync(DemoLogins.Mark);

        using var response = await client.PostAsJsonAsync("/api/appointments/book", new { provider = "DR SALLY FIELD", datetime = $"{first:yyyy-MM-dd'T'HH:mm}", repeat = "weekly" });
        using var body = await OriginalJson.ReadAsync(response, HttpStatusCode.Created);

        var appointment = body.RootElement.GetProperty("appointment");
        Assert.Equal("weekly", appointment.GetProperty("repeat").GetString());
        var seriesId = Guid.Parse(appointment.GetProperty("id").GetString()!);
        await using var db = await Api.CreateDbContextAsync();
        var starts = (await db.Visits.Where(v => v.SeriesId == seriesId && v.Status == VisitStatus.Scheduled).Select(v => v.StartUtc).ToListAsync())
            .Select(app.Calendar.ToLocal).Order().ToList();
        Assert.True(starts.Count >= 40, $"a weekly series fills the horizon, got {starts.Count} visits");
        Assert.Equal(first, starts[0]);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(TimeSpan.FromDays(7), pair.Second - pair.First));
    }

    [Fact]
    public async Task Weekly_ThatCollidesLater_NamesTheFirstConflictingDate_AndWritesNothing()
    {
        var lin = await Api.App.ProviderIdAsync("Dr Lin James");
        var lisa = await Api.PatientIdAsync(DemoLogins.Lisa);
        var first = await Api.App.FreeSlotAsync(lin, daysAhead: 30, index: 3);
        var firstLocal = app.Calendar.ToLocal(first);
        var taken = app.Calendar.ToUtc(firstLocal.AddDays(21));
        var held = await Api.App.Services.GetRequiredService<BookingService>().BookAsync(lisa, lin, taken);
        Assert.True(held.Succeeded, held.Error?.Message);
        var before = await Api.SnapshotAsync();
        using var client = await Api.AsAsync(DemoLogins.Mark);

        using var response = await client.PostAsJsonAsync("/api/appointments/book", new { provider = "Dr Lin James", datetime = $"{firstLocal:yyyy-MM-dd'T'HH:mm}", repeat = "weekly" });
        using var body = await OriginalJson.ErrorAsync(response, HttpStatusCode.Conflict, "PROVIDER_CONFLICT");

        Assert.Contains(firstLocal.AddDays(21).ToString("MMMM d, yyyy"), body.RootElement.GetProperty("message").GetString());
        Assert.Equal(before, await Api.SnapshotAsync());
    }

    [Fact]
    public async Task AnotherPatientsUserId_Is403_AndWritesNothing()
    {
        var lisa = await Api.PatientIdAsync(DemoLogins.Lisa);
        var kim = await Api.App.ProviderIdAsync("Dr Kim West");
        var slot = app.Calendar.ToLocal(await Api.App.FreeSlotAsync(kim, daysAhead: 16, index: 2));
        var before = await Api.SnapshotAsync();
        using var client = await Api.AsAsync(DemoLogins.Mark);

        using var response = await client.PostAsJsonAsync("/api/appointments/book", new { userId = lisa.ToString(), provider = "Dr Kim West", datetime = $"{slot:yyyy-MM-dd'T'HH:mm}" });
        using var body = await OriginalJson.ErrorAsync(response, HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(before, await Api.SnapshotAsync());
    }

    [Fact]
    public async Task ProviderByIdOrName_UnknownNameIs400_PastIs400_HeldSlotIs409WithCode()
    {
        var kim = await Api.App.ProviderIdAsync("Dr Kim West");
        var lisa = await Api.PatientIdAsync(DemoLogins.Lisa);
        var slot = app.Calendar.ToLocal(await Api.App.FreeSlotAsync(kim, daysAhead: 17, index: 4));
        using var client = await Api.AsAsync(DemoLogins.Mark);

        using var unknown = await OriginalJson.ErrorAsync(
            await client.PostAsJsonAsync("/api/appointments/book", new { provider = "Dr Nobody", datetime = $"{slot:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Contains("Dr Nobody", OriginalJson.FieldError(unknown, "provider"));
        using var past = await OriginalJson.ErrorAsync(
            await client.PostAsJsonAsync("/api/appointments/book", new { provider = "Dr Kim West", datetime = "2020-01-06T10:00" }), HttpStatusCode.BadRequest, "VALIDATION");

        using var byId = await OriginalJson.ReadAsync(
            await client.PostAsJsonAsync("/api/appointments/book", new { provider = kim.ToString(), datetime = $"{slot:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.Created);
        Assert.Equal("Dr Kim West", byId.RootElement.GetProperty("appointment").GetProperty("provider").GetString());

        using var lisaClient = await Api.AsAsync(DemoLogins.Lisa);
        using var held = await OriginalJson.ErrorAsync(
            await lisaClient.PostAsJsonAsync("/api/appointments/book", new { userId = lisa.ToString(), provider = "Dr Kim West", datetime = $"{slot:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.Conflict, "PROVIDER_CONFLICT");
    }

    [Fact]
    public async Task HeldSlotLock_Is409SlotLocked_AndTheCallersOwnClash_Is409UserConflict_BothWithMessage()
    {
        var mark = await Api.PatientIdAsync(DemoLogins.Mark);
        var (kim, sally) = (await Api.App.ProviderIdAsync("Dr Kim West"), await Api.App.ProviderIdAsync("Dr Sally Field"));
        var day = DateOnly.FromDateTime(app.Calendar.ToLocal(await Api.App.FreeSlotAsync(kim, daysAhead: 25)));
        var availability = Api.App.Services.GetRequiredService<AvailabilityService>();
        var both = (await availability.GetFreeSlotsAsync(kim, day, mark)).Intersect(await availability.GetFreeSlotsAsync(sally, day, mark)).ToList();
        Assert.True(both.Count >= 2, $"Kim and Sally share {both.Count} free slots on {day}");
        var (clash, held) = (app.Calendar.ToLocal(both[0]), app.Calendar.ToLocal(both[^1]));
        using var client = await Api.AsAsync(DemoLogins.Mark);

        var locks = Api.App.Services.GetRequiredService<IDistributedLockProvider>();
        await using (var handle = await locks.TryAcquireLockAsync(SlotLockKey.For(kim, both[^1]), TimeSpan.Zero))
        {
            Assert.NotNull(handle);
            using var locked = await OriginalJson.ErrorAsync(
                await client.PostAsJsonAsync("/api/appointments/book", new { provider = "Dr Kim West", datetime = $"{held:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.Conflict, "SLOT_LOCKED");
        }

        using var first = await OriginalJson.ReadAsync(
            await client.PostAsJsonAsync("/api/appointments/book", new { provider = "Dr Kim West", datetime = $"{clash:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.Created);
        var before = await Api.SnapshotAsync();
        using var own = await OriginalJson.ErrorAsync(
            await client.PostAsJsonAsync("/api/appointments/book", new { userId = mark, provider = "Dr Sally Field", datetime = $"{clash:yyyy-MM-dd'T'HH:mm}" }), HttpStatusCode.Conflict, "USER_CONFLICT");
        Assert.Equal(before, await Api.SnapshotAsync());
        Assert.Equal(0, await Api.App.ActiveVisitsAtAsync(kim, both[^1]));
    }
}
