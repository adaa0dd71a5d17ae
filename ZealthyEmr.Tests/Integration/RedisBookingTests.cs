using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Medallion.Threading;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

/// <summary>
/// Two app hosts sharing one SQLite file and one real redis-server, as two instances behind a load balancer.
/// </summary>
public sealed class RedisBookingTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly string[] Refusals = [ErrorCodes.SlotLocked, ErrorCodes.ProviderConflict, ErrorCodes.UserConflict];

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"zealthy-redis-{Guid.NewGuid():N}.db");
    private EmrAppFactory a = default!;
    private EmrAppFactory b = default!;

    public Task InitializeAsync() => StartHostsAsync(redis.ConnectionString);

    [Fact]
    public async Task FiftyConcurrentBookingsOfOneSlot_AcrossTwoHosts_CreateExactlyOneVisit()
    {
        var (provider, slot, patients) = await ArrangeAsync(50);

        var results = await RaceAsync(provider, slot, patients);

        AssertExactlyOneWinner(results);
        Assert.Equal(1, await a.ActiveVisitsAtAsync(provider, slot));
        Assert.Contains(results, r => r.Error?.Code == ErrorCodes.SlotLocked);
    }

    [Fact]
    public async Task LockLostDuringASlowTransaction_TheDatabaseStillAllowsOnlyOneVisit()
    {
        var interceptor = new LockLossInterceptor(redis.ConnectionString, TimeSpan.FromMilliseconds(2500));
        await DisposeHostsAsync();
        await StartHostsAsync(redis.ConnectionString, interceptor, new() { ["Booking:LockExpiry"] = "00:00:02" });
        var (provider, slot, patients) = await ArrangeAsync(50);

        var results = await RaceAsync(provider, slot, patients);

        Assert.True(interceptor.LocksWiped > 0, "the test must really take the lock away mid-transaction");
        AssertExactlyOneWinner(results);
        Assert.Equal(1, await a.ActiveVisitsAtAsync(provider, slot));
    }

    [Fact]
    public async Task RedisStoppedDuringTheRun_BookingsFallBackToTheDatabaseGuard_AndHealthIsDegraded()
    {
        var own = new RedisServer();
        await own.InitializeAsync();
        await DisposeHostsAsync();
        await StartHostsAsync(own.ConnectionString);
        var (provider, slot, patients) = await ArrangeAsync(50);

        var race = RaceAsync(provider, slot, patients, stagger: TimeSpan.FromMilliseconds(10));
        await Task.Delay(100);
        await own.StopAsync();
        var results = await race;

        AssertExactlyOneWinner(results);
        Assert.Equal(1, await a.ActiveVisitsAtAsync(provider, slot));

        var later = await a.FreeSlotAsync(provider, daysAhead: 20);
        var watch = Stopwatch.StartNew();
        var afterStop = await a.Services.GetRequiredService<BookingService>().BookAsync(patients[0], provider, later);
        output.WriteLine($"Booking with Redis down took {watch.ElapsedMilliseconds} ms");
        Assert.True(afterStop.Succeeded, afterStop.Error?.Message);

        using var client = a.CreateClient();
        using var health = await client.GetAsync("/api/health");
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("degraded", body.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancelOnOneHost_ThenRebookOnTheOther_Succeeds()
    {
        var (provider, slot, patients) = await ArrangeAsync(2);
        var first = await a.Services.GetRequiredService<BookingService>().BookAsync(patients[0], provider, slot);

        var cancelled = await b.Services.GetRequiredService<ZealthyEmr.Domain.Appointments.VisitService>().CancelAsync(first.Value!.VisitId, patients[0]);
        var rebooked = await b.Services.GetRequiredService<BookingService>().BookAsync(patients[1], provider, slot);

        Assert.True(cancelled.Succeeded);
        Assert.True(rebooked.Succeeded, rebooked.Error?.Message);
        Assert.Equal(1, await a.ActiveVisitsAtAsync(provider, slot));
    }

    [Fact]
    public async Task ABooking_HasReleasedItsSlotLockWhenItAnswers_AndItsChangeReachesTheOtherHostsPages()
    {
        var (provider, slot, patients) = await ArrangeAsync(1);
        var heard = new TaskCompletionSource<ZealthyEmr.Domain.Changes.EmrChange>();
        using var _ = b.Services.GetRequiredService<ZealthyEmr.Domain.Changes.ChangeFeed>().Subscribe(c => { heard.TrySetResult(c); return Task.CompletedTask; });

        var booked = await a.Services.GetRequiredService<BookingService>().BookAsync(patients[0], provider, slot);
        await using var lockAfter = await b.Services.GetRequiredService<IDistributedLockProvider>()
            .TryAcquireLockAsync(SlotLockKey.For(provider, slot), TimeSpan.Zero);

        Assert.True(booked.Succeeded, booked.Error?.Message);
        Assert.NotNull(lockAfter);
        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(provider, change.ProviderId);
        Assert.Equal(patients[0], change.PatientId);
    }

    public Task DisposeAsync() => DisposeHostsAsync();

    private async Task<(Guid Provider, DateTime Slot, IReadOnlyList<Guid> Patients)> ArrangeAsync(int patients)
    {
        var provider = await a.ProviderIdAsync("Dr Kim West");
        return (provider, await a.FreeSlotAsync(provider), await a.AddPatientsAsync(patients));
    }

    /// <summary>Half the requests go to each host; every one must come back as a result, never an exception.</summary>
    private async Task<Result<BookedVisit>[]> RaceAsync(Guid provider, DateTime slot, IReadOnlyList<Guid> patients, TimeSpan stagger = default)
    {
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(patients.Select((patient, i) => Task.Run(async () =>
        {
            await Task.Delay(stagger * i);
            var host = i % 2 == 0 ? a : b;
            return await host.Services.GetRequiredService<BookingService>().BookAsync(patient, provider, slot);
        })));
        output.WriteLine($"{patients.Count} bookings answered in {watch.ElapsedMilliseconds} ms: " +
            string.Join(", ", results.GroupBy(r => r.Error?.Code ?? "BOOKED").Select(g => $"{g.Key} {g.Count()}")));
        return results;
    }

    private static void AssertExactlyOneWinner(Result<BookedVisit>[] results)
    {
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Error!.Code, Refusals));
    }

    private async Task StartHostsAsync(string redisConnection, IInterceptor? interceptor = null, Dictionary<string, string?>? settings = null)
    {
        Action<IServiceCollection>? services = interceptor is null ? null : s => s.AddSingleton(interceptor);
        a = new EmrAppFactory(databasePath, redisConnection, settings, services);
        _ = a.Server;
        b = new EmrAppFactory(databasePath, redisConnection, settings, services);
        _ = b.Server;
        await Task.CompletedTask;
    }

    private async Task DisposeHostsAsync()
    {
        await a.DisposeAsync();
        await b.DisposeAsync();
    }
}
