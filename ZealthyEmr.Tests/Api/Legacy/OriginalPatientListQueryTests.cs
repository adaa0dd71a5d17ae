using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>
/// The original patient list carries every row's appointments and prescriptions; reading them must cost the same
/// number of database commands for a page of 1 as for a page of 30, not two more per row.
/// </summary>
public sealed class OriginalPatientListQueryTests : IAsyncLifetime
{
    private const int PageSize = 30;

    private readonly ApiApp api = new(
        new Dictionary<string, string?> { ["Api:RateLimits:LoginPermitLimit"] = "1000" },
        services => services.AddSingleton<RequestCommandCounter>().AddSingleton<IInterceptor>(sp => sp.GetRequiredService<RequestCommandCounter>()));

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task PatientList_ReadsItsRowsRecords_InAConstantNumberOfCommands()
    {
        await GiveRecordsAsync(await api.App.AddPatientsAsync(PageSize, "querycount"));
        using var admin = await api.AsAsync(DemoLogins.Admin);
        // Warm up: the first request pays for one-off work (caches, the session's first touch) that is not the list's.
        await CountAsync(admin, 1, "warm-up");

        var one = await CountAsync(admin, 1, "one");
        var many = await CountAsync(admin, PageSize, "many");

        Assert.True(one > 0, "the counter must see the request's commands");
        // A little slack for a session touch or cache refresh landing in one request and not the other; reading
        // per row would add at least two commands for each of the 29 extra rows.
        Assert.True(many - one < 5, $"a page of 1 took {one} commands, a page of {PageSize} took {many}");
    }

    private async Task<int> CountAsync(HttpClient admin, int pageSize, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/patients?search=querycount&pageSize={pageSize}");
        request.Headers.Add(RequestCommandCounter.Header, key);
        using var response = await admin.SendAsync(request);
        using var page = await OriginalJson.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal(pageSize, page.RootElement.GetArrayLength());
        Assert.All(page.RootElement.EnumerateArray(), p => Assert.NotEqual(0, p.GetProperty("prescriptions").GetArrayLength() + p.GetProperty("appointments").GetArrayLength()));
        return api.App.Services.GetRequiredService<RequestCommandCounter>().CountFor(key);
    }

    /// <summary>A visit and a prescription for each patient, so every row of the page has records to read.</summary>
    private async Task GiveRecordsAsync(IReadOnlyList<Guid> patients)
    {
        var services = api.App.Services;
        var calendar = services.GetRequiredService<ZealthyEmr.Domain.Clinic.ClinicCalendar>();
        var kim = await api.App.ProviderIdAsync("Dr Kim West");
        await using var db = await api.CreateDbContextAsync();
        var diovan = await db.Medications.Where(m => m.Name == "Diovan").Select(m => m.Id).SingleAsync();
        var series = services.GetRequiredService<SeriesService>();
        var prescriptions = services.GetRequiredService<PrescriptionService>();
        var slots = new Queue<DateTime>();
        for (var day = 40; slots.Count < patients.Count; day++)
        {
            var free = await services.GetRequiredService<ZealthyEmr.Domain.Booking.AvailabilityService>().GetFreeSlotsAsync(kim, calendar.Today.AddDays(day));
            free.ToList().ForEach(slots.Enqueue);
        }

        foreach (var patient in patients)
        {
            var visit = await series.CreateAsync(new SeriesInput(patient, kim, calendar.ToLocal(slots.Dequeue()), RepeatKind.None));
            Assert.True(visit.Succeeded, visit.Error?.Message);
            var script = await prescriptions.CreateAsync(patient, new PrescriptionInput(diovan, "50mg", 1, calendar.Today.AddDays(5), RefillSchedule.Monthly));
            Assert.True(script.Succeeded, script.Error?.Message);
        }
    }
}
