using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ZealthyEmr.Bench;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Seeding;

// Run by ./bench.sh against an app and redis-server it started; see bench/README.md.
if (ReportRendering.Requested(args))
{
    return await ReportRendering.RunAsync(args);
}

var settings = BenchSettings.Parse(args);
var started = DateTimeOffset.UtcNow;
var total = Stopwatch.StartNew();
var calendar = new ClinicCalendar(Options.Create(new ClinicOptions()), TimeProvider.System);
const string password = "Generated123!";
var passwordHash = new PasswordHasher<EmrUser>().HashPassword(new EmrUser(), password);

using var api = new ApiClient(settings.App);
var admin = await api.LoginAsync("admin@zealthy.example", settings.AdminPassword);
var reads = new ReadWorkloads(settings, api, admin.Token);
var searches = new SearchWorkloads(settings, api, admin.Token);
var generator = new ClinicGenerator(calendar);
var patients = new List<GeneratedPatient>();
var providers = new List<Guid>();
var scales = new List<ScaleResult>();
List<(string Token, string PatientId)> dashboards = [];
List<string> bookers = [];

foreach (var (scale, index) in settings.Scales.Select((s, i) => (s, i)))
{
    var batch = await generator.GenerateAsync($"Data Source={settings.DatabasePath};Default Timeout=60", new ClinicGeneratorOptions
    {
        Patients = scale - patients.Count,
        UnscheduledPatients = index == 0 ? settings.Bookers : 0,
        EmailPrefix = $"s{index}-",
        PasswordHash = passwordHash,
    });
    // A bulk load leaves its whole transaction in the WAL; copy it into the database now, as an import would, so the
    // app's first commit afterwards does not carry a checkpoint of hundreds of megabytes inside a measured workload.
    await Floors.CheckpointAsync(settings.DatabasePath);
    patients.AddRange(batch.Patients);
    providers.AddRange(batch.ProviderIds);
    Console.WriteLine($"Generated {batch.Patients.Count:N0} patients, {batch.Visits:N0} visits, {batch.Prescriptions:N0} prescriptions in {batch.Elapsed.TotalSeconds:0.0} s");

    if (index == 0)
    {
        dashboards = [.. (await LoginAllAsync(batch.Patients.Where(p => p.Repeat is not null).Take(settings.DashboardPatients))).Select(l => (l.Token, l.PatientId!))];
        bookers = [.. (await LoginAllAsync(batch.Patients.Where(p => p.Repeat is null))).Select(l => l.Token)];
    }

    var (floor, dashboard, search, availability) = await reads.RunAsync(dashboards, patients, providers, calendar.Today);
    var searchVariants = await searches.RunAsync();
    scales.Add(new ScaleResult(scale, batch.Elapsed.TotalSeconds, batch.Visits, WorkingSetMb(), floor, dashboard, search, availability, searchVariants));
    Console.WriteLine($"{scale,8:N0} patients: status p95 {floor.P95Ms:0.00} ms, dashboard p95 {dashboard.P95Ms:0.00} ms, search p95 {search.P95Ms:0.00} ms, availability p95 {availability.P95Ms:0.00} ms, " +
        string.Join(", ", searchVariants.Select(s => $"{s.Name} p95 {s.P95Ms:0.00} ms")));
}

var sqliteFloor = await Floors.SqliteInsertAsync(settings.DatabasePath, settings.FloorSamples);
var redisFloor = await Floors.RedisSetNxAsync(settings.Redis, settings.FloorSamples);
var bookingWorkloads = new BookingWorkloads(settings, api, admin.Token);
var booking = await bookingWorkloads.RunAsync(bookers, providers, calendar.Today);
// Workload 7 last, at the largest clinic: portal dashboards open as circuits in Chromium, then bookings shown live on them.
var live = settings.Bookings ? LiveCircuits.NotMeasured("not measured (--bookings)")
    : File.Exists(LiveCircuits.Chromium)
    ? await new LiveCircuits(settings, api, admin.Token, calendar, password, stop => bookingWorkloads.BackgroundAsync(LiveCircuits.BackgroundClients, stop)).RunAsync(patients, providers)
    : LiveCircuits.NotMeasured("not measured (no chromium)");
var report = new BenchReport(settings.Bookings ? "bookings" : settings.Quick ? "quick" : "full", started, Environment.ProcessorCount, scales, sqliteFloor, redisFloor, booking, live, total.Elapsed.TotalSeconds);
var markdown = await ReportRendering.WriteAsync(report, settings.ResultsFolder, settings.Baseline, settings.PreAudit);
Console.WriteLine(markdown);

if (booking.RaceVisitsInDatabase != booking.RaceSlots || booking.RaceCreated != booking.RaceSlots || booking.RaceUnanswered > 0)
{
    Console.Error.WriteLine($"FAIL: the race for {booking.RaceSlots} slots created {booking.RaceVisitsInDatabase} visits ({booking.RaceCreated} answered 201, {booking.RaceUnanswered} not answered).");
    return 1;
}

return 0;

async Task<ApiClient.Login[]> LoginAllAsync(IEnumerable<GeneratedPatient> who)
{
    // Each login verifies a full-strength password hash, so a few run at a time.
    using var slots = new SemaphoreSlim(4);
    return await Task.WhenAll(who.Select(async p =>
    {
        await slots.WaitAsync();
        try
        {
            return await api.LoginAsync(p.Email, password);
        }
        finally
        {
            slots.Release();
        }
    }));
}

long WorkingSetMb()
{
    if (settings.AppPid is not { } pid)
    {
        return -1;
    }

    try
    {
        return Process.GetProcessById(pid).WorkingSet64 / (1024 * 1024);
    }
    catch (ArgumentException)
    {
        return -1;
    }
}
