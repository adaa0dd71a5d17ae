using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;

namespace ZealthyEmr.Bench;

/// <summary>
/// Workload 4 books distinct free slots (a patient never gets two at one instant, so every booking should be a 201);
/// workload 5 sends 100 patients at 10 slots of one provider at once and checks exactly 10 visits came of it.
/// </summary>
public sealed class BookingWorkloads(BenchSettings settings, ApiClient api, string adminToken)
{
    private const int RaceSlots = 10;

    /// <summary>Planned free slots left over after workloads 4 and 5, for the bookings that run while live updates are measured.</summary>
    public IReadOnlyList<(Guid Provider, string Slot, string Token)> Spare { get; private set; } = [];

    public async Task<BookingResult> RunAsync(IReadOnlyList<string> bookerTokens, IReadOnlyList<Guid> providers, DateOnly today)
    {
        var days = Enumerable.Range(7, 60).Select(today.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var needed = settings.WarmupBookings + settings.SequentialBookings + settings.ConcurrentBookings + settings.BackgroundBookings;
        var plan = new List<(Guid Provider, string Slot, string Token)>();
        var day = 0;
        for (; plan.Count < needed; day++)
        {
            plan.AddRange(await PlanDayAsync(days[day], providers, bookerTokens));
        }

        var warmup = plan.Take(settings.WarmupBookings).ToList();
        Console.WriteLine($"Bookings: {warmup.Count} to warm up, then {settings.SequentialBookings} with 1 client, then {settings.ConcurrentBookings} with {settings.BookingClients}");
        await LoadRunner.ForCountAsync("warm-up bookings", settings.BookingClients, warmup.Count, null, n => BookedAsync(warmup[n]));
        // The warm-up's confirmations are sent by the outbox afterwards, and the runtime recompiles hot methods on a
        // background thread after a short quiet period: let both finish, or the 1-client workload measures their CPU too.
        await OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        plan = [.. plan.Skip(settings.WarmupBookings)];

        var sequential = await LoadRunner.ForCountAsync("POST /api/appointments/book (1 client)", 1, settings.SequentialBookings, settings.AppPid,
            n => BookedAsync(plan[n]));
        var rest = plan.Skip(settings.SequentialBookings).Take(settings.ConcurrentBookings).ToList();
        Spare = [.. plan.Skip(settings.SequentialBookings + settings.ConcurrentBookings)];
        Console.WriteLine($"Bookings with 1 client: p50 {sequential.P50Ms:0.00} ms; now {rest.Count} with {settings.BookingClients} clients");
        var concurrent = await LoadRunner.ForCountAsync($"POST /api/appointments/book ({settings.BookingClients} clients)", settings.BookingClients, rest.Count, settings.AppPid,
            n => BookedAsync(rest[n]));

        return await RaceAsync(sequential, concurrent, bookerTokens, providers, days[day + 1]);
    }

    /// <summary>Free slots grouped by time, each time given to distinct patients, so no booking can meet a USER_CONFLICT.</summary>
    private async Task<List<(Guid, string, string)>> PlanDayAsync(DateOnly day, IReadOnlyList<Guid> providers, IReadOnlyList<string> tokens)
    {
        var free = new List<(Guid Provider, string Slot)>();
        foreach (var provider in providers.Take(2 * tokens.Count))
        {
            free.AddRange((await api.FreeSlotsAsync(provider, day, adminToken)).Select(s => (provider, s)));
        }

        return [.. free.GroupBy(f => f.Slot).SelectMany(g => g.Take(tokens.Count).Select((f, i) => (f.Provider, f.Slot, tokens[i])))];
    }

    /// <summary>
    /// Books the spare slots one after another on <paramref name="clients"/> clients until <paramref name="stop"/> is
    /// cancelled or they run out; returns how many were booked (201) and in what time.
    /// </summary>
    public async Task<(int Booked, double Seconds)> BackgroundAsync(int clients, CancellationToken stop)
    {
        var next = -1;
        var booked = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref next); n < Spare.Count && !stop.IsCancellationRequested; n = Interlocked.Increment(ref next))
            {
                if (await BookedAsync(Spare[n]))
                {
                    Interlocked.Increment(ref booked);
                }
            }
        })));
        return (booked, watch.Elapsed.TotalSeconds);
    }

    private async Task<bool> BookedAsync((Guid Provider, string Slot, string Token) booking) =>
        await api.BookAsync(booking.Provider, booking.Slot, booking.Token) == HttpStatusCode.Created;

    private async Task<BookingResult> RaceAsync(Latencies sequential, Latencies concurrent, IReadOnlyList<string> tokens, IReadOnlyList<Guid> providers, DateOnly day)
    {
        Guid provider = default;
        IReadOnlyList<string> slots = [];
        foreach (var candidate in providers.Reverse())
        {
            slots = [.. (await api.FreeSlotsAsync(candidate, day, adminToken)).Take(RaceSlots)];
            if (slots.Count == RaceSlots)
            {
                provider = candidate;
                break;
            }
        }

        if (slots.Count < RaceSlots)
        {
            throw new InvalidOperationException($"No provider has {RaceSlots} free slots on {day}.");
        }

        var before = CountVisits(provider, slots);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = tokens.Select((token, i) => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return await api.BookAsync(provider, slots[i % RaceSlots], token);
            }
            catch (TaskCanceledException)
            {
                // No answer within the client's timeout: counted and reported (a failed run), not a crash that loses the report.
                return (HttpStatusCode?)null;
            }
        })).ToList();
        var watch = Stopwatch.StartNew();
        gate.SetResult();
        var answers = await Task.WhenAll(clients);
        var seconds = watch.Elapsed.TotalSeconds;
        var inDatabase = CountVisits(provider, slots) - before;
        return new BookingResult(sequential, concurrent, seconds, tokens.Count, RaceSlots,
            answers.Count(a => a == HttpStatusCode.Created), answers.Count(a => a == HttpStatusCode.Conflict), inDatabase, answers.Count(a => a is null));
    }

    /// <summary>Waits until the app's outbox has no queued e-mail left (or <paramref name="atMost"/> passed), read from its database file.</summary>
    private async Task OutboxDrainedAsync(TimeSpan atMost)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < atMost)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" = 0";
            var queued = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (queued == 0)
            {
                Console.WriteLine($"Outbox drained {watch.Elapsed.TotalSeconds:0.0} s after the warm-up");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        Console.WriteLine($"Outbox still had queued e-mail {atMost.TotalSeconds:0} s after the warm-up; measuring anyway");
    }

    /// <summary>Held visits at the race's slots, read straight from the app's database file.</summary>
    private int CountVisits(Guid provider, IReadOnlyList<string> slots)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = settings.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        var instants = slots.Select((s, i) => (Name: $"$s{i}", Value: DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))).ToList();
        command.CommandText = $"SELECT COUNT(*) FROM \"Visits\" WHERE \"ProviderId\" = $provider AND \"Status\" <> 2 AND \"StartUtc\" IN ({string.Join(", ", instants.Select(i => i.Name))})";
        command.Parameters.AddWithValue("$provider", provider.ToString().ToUpperInvariant());
        foreach (var (name, value) in instants)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
