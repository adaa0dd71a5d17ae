using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Bench;

/// <summary>
/// Workload 7: K patients sign in through the real portal form, each in its own browser context of one headless Chromium,
/// and keep their dashboards open as interactive circuits. Reports the app's RSS growth per open circuit and, for N of the
/// pages, the time from a booking's 201 over the API to the new visit showing on that patient's open dashboard, measured while
/// <paramref name="background"/> keeps other patients booking (so the live update competes with real write traffic).
/// </summary>
public sealed class LiveCircuits(
    BenchSettings settings, ApiClient api, string adminToken, ClinicCalendar calendar, string password, Func<CancellationToken, Task<(int Booked, double Seconds)>> background)
{
    /// <summary>Clients booking in the background during the live updates.</summary>
    public const int BackgroundClients = 2;

    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly List<IBrowserContext> contexts = [];

    public static LiveCircuitsResult NotMeasured(string why) => new(false, why, 0, 0, 0, Latencies.From("open", [], 0, TimeSpan.FromSeconds(1), 1), 0, 0, 0, 0, double.NaN, double.NaN, -1, -1, double.NaN,
        Latencies.From("live update", [], 0, TimeSpan.FromSeconds(1), 1), Latencies.From("live update", [], 0, TimeSpan.FromSeconds(1), 1), double.NaN, 0, 0, double.NaN);

    public async Task<LiveCircuitsResult> RunAsync(IReadOnlyList<GeneratedPatient> candidates, IReadOnlyList<Guid> providers)
    {
        if (!File.Exists(Chromium))
        {
            return NotMeasured("not measured (no chromium)");
        }

        if (settings.AppPid is not { } pid)
        {
            return NotMeasured("not measured (no app pid)");
        }

        var k = settings.LiveCircuits;
        // Spread over the whole clinic, so some pages list visits and some show the empty state.
        var step = Math.Max(1, candidates.Count / (k + 2));
        var chosen = candidates.Where((_, i) => i % step == 0).Take(k + 1).ToList();
        var warmup = chosen[0];
        var measured = chosen.Skip(1).ToList();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        try
        {
            // One circuit first (not counted) so the one-time costs of the first circuit (JIT, component metadata, MudBlazor
            // statics) are in the baseline, not spread over the K.
            // On a loaded machine the first page can take longer than its timeout; it is only a warm-up, so try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await OpenDashboardAsync(browser, warmup.Email);
                    break;
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    Console.Error.WriteLine($"Workload 7: the warm-up circuit did not open (attempt {attempt}): {e.Message.Split('\n')[0]}");
                    if (attempt == 3)
                    {
                        // The rest of the run's results are still worth writing.
                        return NotMeasured("not measured (the first portal page did not open in three attempts)");
                    }
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var heapBefore = await AppGc.CollectAsync(pid);
            var before = await ProcessMemory.SampleAsync(pid);

            var openWatch = Stopwatch.StartNew();
            var openMillis = new List<double>();
            var pages = new IPage?[measured.Count];
            var failures = 0;
            using (var slots = new SemaphoreSlim(settings.CircuitOpeners))
            {
                await Task.WhenAll(measured.Select(async (patient, i) =>
                {
                    await slots.WaitAsync();
                    try
                    {
                        var watch = Stopwatch.StartNew();
                        pages[i] = await OpenDashboardAsync(browser, patient.Email);
                        lock (openMillis)
                        {
                            openMillis.Add(watch.Elapsed.TotalMilliseconds);
                        }
                    }
                    catch (Exception e) when (e is PlaywrightException or TimeoutException)
                    {
                        Console.Error.WriteLine($"Workload 7: {patient.Email} did not reach an interactive dashboard: {e.Message.Split('\n')[0]}");
                        Interlocked.Increment(ref failures);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }));
            }

            var open = Latencies.From("sign in + dashboard until circuit-ready", openMillis, failures, openWatch.Elapsed, settings.CircuitOpeners);
            var openSeconds = openWatch.Elapsed.TotalSeconds;
            var circuits = pages.Count(p => p is not null);
            Console.WriteLine($"Workload 7: {circuits} portal circuits open in {openSeconds:0.0} s (p50 {open.P50Ms:0} ms per page)");

            // Idle: no page does anything, so what the app holds now is what the open circuits cost.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var heapAfter = await AppGc.CollectAsync(pid);
            var after = await ProcessMemory.SampleAsync(pid);
            var heapPerCircuit = heapBefore is { } hb && heapAfter is { } ha && circuits > 0 ? (ha - hb) / 1024.0 / circuits : double.NaN;
            var perCircuit = circuits == 0 ? double.NaN : (after.VmRssKb - before.VmRssKb) / (double)circuits;
            var anonPerCircuit = circuits == 0 ? double.NaN : (after.RssAnonKb - before.RssAnonKb) / (double)circuits;
            Console.WriteLine($"Workload 7: app RSS {before.VmRssKb / 1024.0:0.0} -> {after.VmRssKb / 1024.0:0.0} MB, {perCircuit:0} KB per circuit ({anonPerCircuit:0} KB anonymous); " +
                $"GC heap {heapBefore / 1048576.0:0.0} -> {heapAfter / 1048576.0:0.0} MB, {heapPerCircuit:0} KB per circuit");

            using var stop = new CancellationTokenSource();
            var load = background(stop.Token);
            var (live, fromRequestLive, liveMax, liveFailures) = await LiveUpdatesAsync([.. measured.Zip(pages).Where(p => p.Second is not null).Take(settings.LiveUpdates)], providers);
            await stop.CancelAsync();
            var (booked, seconds) = await load;
            var bookedPerSecond = seconds > 0 ? booked / seconds : double.NaN;
            Console.WriteLine($"Workload 7: live update p50 {live.P50Ms:0} ms, p95 {live.P95Ms:0} ms, max {liveMax:0} ms, {liveFailures} not shown; " +
                $"{booked} bookings ({bookedPerSecond:0.0}/s) ran meanwhile");

            return new LiveCircuitsResult(true, null, k, circuits, openSeconds, open,
                before.VmRssKb, after.VmRssKb, before.RssAnonKb, after.RssAnonKb, perCircuit, anonPerCircuit,
                (heapBefore ?? -1) / 1024, (heapAfter ?? -1) / 1024, heapPerCircuit, live, fromRequestLive, liveMax, liveFailures, booked, bookedPerSecond);
        }
        finally
        {
            foreach (var context in contexts)
            {
                try
                {
                    await context.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // The browser may already be gone; closing it below ends the rest.
                }
            }

            await browser.CloseAsync();
        }
    }

    /// <summary>GET /account/login, fill the form, sign in, and wait for the dashboard's interactive circuit.</summary>
    private async Task<IPage> OpenDashboardAsync(IBrowser browser, string email)
    {
        // The bench talks plain HTTP on loopback; in Production the app's cookies are Secure-only, as behind a TLS proxy. The
        // header tells it the request arrived over HTTPS, as that proxy would (loopback is a trusted proxy by default).
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = settings.App.ToString(),
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        lock (contexts)
        {
            contexts.Add(context);
        }

        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid=patient-name]");
        return page;
    }

    /// <summary>
    /// For each page: a free slot in the next 7 days, booked over the API with that patient's token; the clock starts when
    /// the 201 arrives and stops when the page shows the visit's "ddd, MMM d · h:mm tt" (ClinicFormat.When in en-US, without the zone; the list, or the empty state turning into one).
    /// </summary>
    private async Task<(Latencies Live, Latencies FromRequest, double Max, int Failures)> LiveUpdatesAsync(IReadOnlyList<(GeneratedPatient Patient, IPage? Page)> targets, IReadOnlyList<Guid> providers)
    {
        var millis = new List<double>();
        var fromRequest = new List<double>();
        var failures = 0;
        var elapsed = Stopwatch.StartNew();
        var today = calendar.Today;
        var days = Enumerable.Range(1, 5).Select(today.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        foreach (var ((patient, page), index) in targets.Select((t, i) => (t, i)))
        {
            var login = await api.LoginAsync(patient.Email, password);
            var booked = await BookSomewhereAsync(login.Token, page!, providers, days, index);
            if (booked is not { } expected)
            {
                Console.Error.WriteLine($"Workload 7: no free slot in the next days could be booked for {patient.Email}");
                failures++;
                continue;
            }

            var watch = expected.Watch;
            try
            {
                await page!.WaitForFunctionAsync("t => document.body.innerText.includes(t)", expected.Text,
                    new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 10_000 });
                millis.Add(watch.Elapsed.TotalMilliseconds);
                fromRequest.Add(expected.RequestMs + watch.Elapsed.TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"Workload 7: \"{expected.Text}\" did not show on {patient.Email}'s dashboard within 10 s");
                failures++;
            }
        }

        var live = Latencies.From("booking 201 -> visit on the open dashboard", millis, failures, elapsed.Elapsed, 1);
        var request = Latencies.From("booking POST sent -> visit on the open dashboard", fromRequest, failures, elapsed.Elapsed, 1);
        return (live, request, millis.Count == 0 ? double.NaN : millis.Max(), failures);
    }

    private async Task<(string Text, Stopwatch Watch, double RequestMs)?> BookSomewhereAsync(string token, IPage page, IReadOnlyList<Guid> providers, IReadOnlyList<DateOnly> days, int offset)
    {
        var attempts = 0;
        foreach (var day in days)
        {
            for (var p = 0; p < providers.Count && attempts < 40; p++)
            {
                var provider = providers[(offset * 7 + p) % providers.Count];
                var slots = await api.FreeSlotsAsync(provider, day, adminToken);
                foreach (var slot in slots.Skip(offset % Math.Max(1, slots.Count)).Concat(slots).Take(3))
                {
                    var local = calendar.ToLocal(DateTimeOffset.Parse(slot, CultureInfo.InvariantCulture).UtcDateTime);
                    // The dashboard writes ClinicFormat.When: "Fri, Dec 4 · 4:30 PM PST" in the default en-US clinic culture.
                    var clinic = CultureInfo.GetCultureInfo("en-US");
                    var text = $"{local.ToString("ddd, MMM d", clinic)} · {local.ToString("t", clinic)}";
                    if (await page.EvaluateAsync<bool>("t => document.body.innerText.includes(t)", text))
                    {
                        continue;
                    }

                    attempts++;
                    var sent = Stopwatch.StartNew();
                    var status = await api.BookAsync(provider, slot, token);
                    var watch = Stopwatch.StartNew();
                    if (status == HttpStatusCode.Created)
                    {
                        return (text, watch, sent.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }

        return null;
    }
}
