using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Providers;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Search;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Api;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Search;

/// <summary>The index follows every write, through the portal's services and through the API, and never drifts from the records.</summary>
public sealed class SearchSyncTests(ApiApp api) : IClassFixture<ApiApp>
{
    private const string Password = "Sturdy-Pass-42";

    private IServiceProvider Services => api.App.Services;

    private IPatientSearch Search => Services.GetRequiredService<IPatientSearch>();

    private PatientAdminService Patients => Services.GetRequiredService<PatientAdminService>();

    [Fact]
    public async Task PortalCreateEditArchiveRestoreDelete_SearchFollows()
    {
        var email = $"sync-{Guid.NewGuid():N}@clinic.test";
        var created = await Patients.CreateAsync(new PatientInput("Quentin Marlowe", email, new DateOnly(1961, 7, 14), "+1 (555) 010-7788"), Password);
        Assert.True(created.Succeeded, created.Error?.Message);
        var id = created.Value;

        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "quentin marl"));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "5550107788"));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "7/14/1961"));

        var version = (await Patients.GetAsync(id))!.Version;
        var edited = await Patients.UpdateAsync(id, new PatientInput("Quincy Marlowe", email, new DateOnly(1962, 8, 15), "+44 20 7946 0321"), version);
        Assert.True(edited.Succeeded, edited.Error?.Message);

        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "quentin"));
        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "5550107788"));
        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "1961-07-14"));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "quincy"));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "20 7946 0321"));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "1962-08-15"));

        var archive = Services.GetRequiredService<PatientArchiveService>();
        Assert.True((await archive.ArchiveAsync(id)).Succeeded);

        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "quincy"));
        Assert.Equal([id], [.. (await Search.SearchAsync(new PatientQuery(Search: "quincy", IncludeArchived: true))).Rows.Select(r => r.Id)]);
        Assert.Empty(await Search.SuggestAsync("quincy"));

        Assert.True((await archive.RestoreAsync(id)).Succeeded);

        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "quincy"));

        // Rows leave the database only by a purge's set-based deletes; the triggers see those too.
        await using var db = await api.CreateDbContextAsync();
        await db.Patients.Where(p => p.Id == id).ExecuteDeleteAsync();

        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "quincy"));
        Assert.Null(await SearchIndexAssert.DocumentAsync(db, id));
        await SearchIndexAssert.IndexMatchesRecordsAsync(db);
    }

    [Fact]
    public async Task ApiCreateEditArchive_SearchThroughTheApiFollows()
    {
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var email = $"api-sync-{Guid.NewGuid():N}@clinic.test";
        using var create = await admin.PostAsJsonAsync("/api/admin/patients",
            new PatientCreateBody("Theodora Vance", email, Password, new DateOnly(1977, 3, 9), "+1 555 0142"));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal([id], await ApiSearchAsync(admin, "theodora"));
        Assert.Equal([id], await ApiSearchAsync(admin, "3/9/1977"));

        using var update = await admin.PutAsJsonAsync($"/api/admin/patients/{id}", new { name = "Theodora Blackwood", email, dateOfBirth = "1977-03-09", phone = "+1 555 0142" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Assert.Empty(await ApiSearchAsync(admin, "vance"));
        Assert.Equal([id], await ApiSearchAsync(admin, "blackw"));

        using var delete = await admin.DeleteAsync($"/api/admin/patients/{id}");
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        Assert.Empty(await ApiSearchAsync(admin, "blackw"));
        Assert.Equal([id], await ApiSearchAsync(admin, "blackw", includeArchived: true));
        await using var db = await api.CreateDbContextAsync();
        await SearchIndexAssert.IndexMatchesRecordsAsync(db);
    }

    [Fact]
    public async Task PrescriptionsSeriesAndRenames_ReachTheirPatientsDocuments()
    {
        var created = await Patients.CreateAsync(new PatientInput("Ingrid Holloway", $"links-{Guid.NewGuid():N}@clinic.test", null, null), Password);
        var id = created.Value;
        var medications = Services.GetRequiredService<MedicationService>();
        var medication = await medications.CreateAsync(new MedicationInput($"Zyvoxa{Guid.NewGuid():N}"[..10], null, ["5mg"]));
        var providers = Services.GetRequiredService<ProviderAdminService>();
        var hours = Enumerable.Range(1, 5).Select(d => new DayHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList();
        var provider = await providers.CreateAsync(new ProviderInput($"Dr Ottoline {Guid.NewGuid():N}"[..20], "Family Medicine", hours));
        Assert.True(medication.Succeeded && provider.Succeeded);
        var medicationName = (await medications.GetAsync(medication.Value))!.Name;
        var providerName = (await providers.GetAsync(provider.Value))!.Name;

        var prescription = await Services.GetRequiredService<PrescriptionService>().CreateAsync(id,
            new PrescriptionInput(medication.Value, "5mg", 1, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), RefillSchedule.Monthly));
        var series = await Services.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput(id, provider.Value,
            Services.GetRequiredService<ClinicCalendar>().ToLocal(await api.App.FreeSlotAsync(provider.Value, daysAhead: 9)), RepeatKind.Weekly));
        Assert.True(prescription.Succeeded, prescription.Error?.Message);
        Assert.True(series.Succeeded, series.Error?.Message);

        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, medicationName));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, providerName[3..]));

        var renamedMedication = "Q" + medicationName[1..];
        var medicationVersion = (await medications.GetAsync(medication.Value))!.Version;
        Assert.True((await medications.UpdateAsync(medication.Value, new MedicationInput(renamedMedication, null, ["5mg"]), medicationVersion)).Succeeded);
        var renamedProvider = providerName.Replace("Ottoline", "Perpetua", StringComparison.Ordinal);
        var providerVersion = (await providers.GetAsync(provider.Value))!.Version;
        Assert.True((await providers.UpdateAsync(provider.Value, new ProviderInput(renamedProvider, "Family Medicine", hours), providerVersion)).Succeeded);

        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, renamedMedication));
        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "perpetua"));
        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "ottoline"));

        // Prescriptions and series leave the database only by a purge's set-based deletes.
        await using (var purge = await api.CreateDbContextAsync())
        {
            await purge.Prescriptions.Where(r => r.Id == prescription.Value).ExecuteDeleteAsync();
            await purge.Visits.Where(v => v.SeriesId == series.Value).ExecuteDeleteAsync();
            await purge.AppointmentSeries.Where(s => s.Id == series.Value).ExecuteDeleteAsync();
        }

        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, renamedMedication));
        Assert.Empty(await SearchIndexAssert.IdsAsync(Search, "perpetua"));
        await using var db = await api.CreateDbContextAsync();
        await SearchIndexAssert.IndexMatchesRecordsAsync(db);
    }

    [Fact]
    public async Task Booking_QueuesItsPatientInsteadOfRefreshing_AndTheNextSearchCatchesUp()
    {
        var id = (await Patients.CreateAsync(new PatientInput("Wendell Quarrie", $"queued-{Guid.NewGuid():N}@clinic.test", null, null), Password)).Value;
        var hours = Enumerable.Range(1, 5).Select(d => new DayHours((DayOfWeek)d, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList();
        var provider = await Services.GetRequiredService<ProviderAdminService>().CreateAsync(new ProviderInput($"Dr Marisol {Guid.NewGuid():N}"[..20], "Family Medicine", hours));
        Assert.True(provider.Succeeded);
        var booked = await Services.GetRequiredService<BookingService>().BookAsync(id, provider.Value, await api.App.FreeSlotAsync(provider.Value, daysAhead: 11));
        Assert.True(booked.Succeeded, booked.Error?.Message);

        await using (var db = await api.CreateDbContextAsync())
        {
            // The booking's statements only queued the patient: SQLite compiles every trigger into each insert it prepares.
            Assert.Contains(id.ToString().ToUpperInvariant(), await db.Database.SqlQueryRaw<string>($"SELECT \"PatientId\" AS \"Value\" FROM \"{SqliteSearchQueue.Table}\"").ToListAsync());
            Assert.Null((await SearchIndexAssert.DocumentAsync(db, id))!.Providers);
        }

        Assert.Equal([id], await SearchIndexAssert.IdsAsync(Search, "marisol"));
        await using (var db = await api.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>($"SELECT count(*) AS \"Value\" FROM \"{SqliteSearchQueue.Table}\"").SingleAsync());
            Assert.Contains("Marisol", (await SearchIndexAssert.DocumentAsync(db, id))!.Providers, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("\"Star*\"")]
    [InlineData("Star*\"")]
    [InlineData("near: (jr)")]
    [InlineData("(Jr) OR")]
    [InlineData("OR AND")]
    [InlineData("st")]
    public async Task FtsSyntaxInTheQuery_IsSearchedAsText(string text)
    {
        var id = await NamedAsync("Rae \"Star*\" Near: (Jr) OR AND");

        Assert.Contains(id, await SearchIndexAssert.IdsAsync(Search, text));
    }

    [Theory]
    [InlineData("Rae OR Zed")]
    [InlineData("Rae AND Near")]
    [InlineData("NEAR(Rae Near)")]
    [InlineData("Ra*")]
    [InlineData("name:Rae")]
    [InlineData("Rae -Star")]
    [InlineData("\"")]
    [InlineData("***")]
    public async Task FtsOperators_DoNotActAsOperators(string text)
    {
        var id = await NamedAsync("Rae \"Star*\" Near: (Jr) OR AND");

        var found = await SearchIndexAssert.IdsAsync(Search, text);

        Assert.DoesNotContain(id, found);
    }

    [Fact]
    public async Task Ranking_ExactEmailThenExactPhoneThenNamePrefixThenTheRest()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var exactEmail = await CreateAsync("Zoe Park", $"lee{tag}@clinic.test", null);
        var containsEmail = await CreateAsync("Adam Bob", $"bob.lee{tag}@clinic.test", null);

        Assert.Equal([exactEmail, containsEmail], await SearchIndexAssert.IdsAsync(Search, $"lee{tag}@clinic.test"));

        var prefix = await CreateAsync($"Lee{tag} Adams", $"p{tag}@clinic.test", null);
        var inside = await CreateAsync($"Ann Lee{tag}s", $"q{tag}@clinic.test", null);

        // No exact email now: the name that starts with the text, then the rest by name.
        Assert.Equal([prefix, containsEmail, inside, exactEmail], await SearchIndexAssert.IdsAsync(Search, $"lee{tag}"));

        // The typed digits are the end of one phone (the number without its country code) and the middle of another.
        var phone = await CreateAsync($"Zack {tag}", $"r{tag}@clinic.test", "+1 (555) 0177");
        var longer = await CreateAsync($"Aaron {tag}", $"s{tag}@clinic.test", "+1 555 0177 22");

        Assert.Equal([phone, longer], await SearchIndexAssert.IdsAsync(Search, "555 0177"));
    }

    [Fact]
    public async Task Renaming_MovesThePatientInTheSearchOrder()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var alder = await CreateAsync($"Ann Alder{tag}", $"t{Guid.NewGuid():N}@clinic.test", null);
        var birch = await CreateAsync($"Ben Birch{tag}", $"u{Guid.NewGuid():N}@clinic.test", null);

        Assert.Equal([alder, birch], await SearchIndexAssert.IdsAsync(Search, tag));

        var version = (await Patients.GetAsync(alder))!.Version;
        var email = (await Patients.GetAsync(alder))!.Email;
        Assert.True((await Patients.UpdateAsync(alder, new PatientInput($"Ann Yew{tag}", email, null, null), version)).Succeeded);

        Assert.Equal([birch, alder], await SearchIndexAssert.IdsAsync(Search, tag));
        await using var db = await api.CreateDbContextAsync();
        await SearchIndexAssert.IndexMatchesRecordsAsync(db);
    }

    [Fact]
    public async Task UnsearchedTotal_CountsThePatientsNotArchived_OrAllWhenAsked()
    {
        var archived = await CreateAsync("Una Archer", $"v{Guid.NewGuid():N}@clinic.test", null);
        Assert.True((await Services.GetRequiredService<PatientArchiveService>().ArchiveAsync(archived)).Succeeded);
        await using var db = await api.CreateDbContextAsync();

        Assert.Equal(await db.Patients.CountAsync(p => p.ArchivedUtc == null), (await Search.SearchAsync(new PatientQuery())).TotalCount);
        Assert.Equal(await db.Patients.CountAsync(), (await Search.SearchAsync(new PatientQuery(IncludeArchived: true))).TotalCount);
    }

    [Fact]
    public async Task EmptyOrBlankSearch_ListsEveryPatient()
    {
        var all = await Search.SearchAsync(new PatientQuery(Search: "   "));
        var none = await Search.SearchAsync(new PatientQuery());

        Assert.Equal(none.TotalCount, all.TotalCount);
        Assert.True(all.TotalCount >= 2);
    }

    private async Task<Guid> NamedAsync(string name)
    {
        await using var db = await api.CreateDbContextAsync();
        var existing = db.Patients.Where(p => p.Name == name).Select(p => p.Id).FirstOrDefault();
        return existing != Guid.Empty ? existing : await CreateAsync(name, $"syntax-{Guid.NewGuid():N}@clinic.test", null);
    }

    private async Task<Guid> CreateAsync(string name, string email, string? phone)
    {
        var created = await Patients.CreateAsync(new PatientInput(name, email, null, phone), Password);
        Assert.True(created.Succeeded, created.Error?.Message);
        return created.Value;
    }

    /// <summary>Every patient id in the response, whatever its shape (a page object or a bare array).</summary>
    private static async Task<List<Guid>> ApiSearchAsync(HttpClient client, string text, bool includeArchived = false)
    {
        using var response = await client.GetAsync($"/api/admin/patients?search={Uri.EscapeDataString(text)}&pageSize=200&includeArchived={includeArchived}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rows = body.ValueKind == JsonValueKind.Array ? body : body.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        return [.. rows.EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    private sealed record PatientCreateBody(string Name, string Email, string Password, DateOnly DateOfBirth, string Phone);
}
