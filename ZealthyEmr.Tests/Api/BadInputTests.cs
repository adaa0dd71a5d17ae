using System.Net.Http.Headers;
using System.Text;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

/// <summary>Generated malformed bodies and parameters against every write endpoint, as an Admin (or Mark where only a patient may write).</summary>
public sealed class BadInputTests(ApiApp api) : IClassFixture<ApiApp>
{
    private static readonly string Huge = new('x', 100_000);

    private static readonly string[] GenericBodies =
    [
        "", "null", "[]", "42", "\"text\"", "{", "{\"name\":", "{\"name\": 12}", "{\"email\": []}", "{\"providerId\": \"not-a-guid\"}",
        "{\"datetime\": 5}", "{\"quantity\": \"two\"}", "{\"quantity\": 99999999999999999999}", "{\"endDate\": \"2026-13-45\"}",
        "{\"refill_on\": \"yesterday\"}", "{\"hours\": \"monday\"}", "{\"strengths\": [1, 2]}", "{\"version\": \"old\"}",
        "{\"name\": \"" + Huge + "\", \"email\": \"" + Huge + "\", \"password\": \"" + Huge + "\"}",
    ];

    [Fact]
    public async Task EveryWriteEndpoint_RefusesMalformedInput_WithProblemDetails_AndChangesNothing()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        var kim = await api.App.ProviderIdAsync("Dr Kim West");
        string markSeries, markScript, diovan;
        await using (var db = await api.CreateDbContextAsync())
        {
            markSeries = db.AppointmentSeries.First(s => s.PatientId == mark).Id.ToString();
            markScript = db.Prescriptions.First(p => p.PatientId == mark).Id.ToString();
            diovan = db.Medications.First(m => m.Name == "Diovan").Id.ToString();
        }

        var writes = new (string Method, string Path, string[] Specific)[]
        {
            ("POST", "/api/auth/register", ["{\"email\":\"a@b.co\",\"password\":\"Lantern-Orbit-Maple-42\",\"name\":\"A\",\"role\":\"Wizard\"}", "{\"email\":\"not-an-email\",\"password\":\"Lantern-Orbit-Maple-42\",\"name\":\"A\",\"role\":\"Staff\"}"]),
            ("POST", "/api/admin/patients", ["{\"name\":\"A\",\"email\":\"mark@some-email-provider.net\",\"password\":\"Lantern-Orbit-Maple-42\"}", "{\"name\":\"A\",\"email\":\"a@b.co\",\"password\":\"short\"}", "{\"name\":\"A\",\"email\":\"a@b.co\",\"password\":\"Lantern-Orbit-Maple-42\",\"dateOfBirth\":\"2999-01-01\"}"]),
            ("PUT", $"/api/admin/patients/{mark}", ["{\"name\":\"\",\"email\":\"not-an-email\"}", "{\"name\":\"" + new string('n', 201) + "\"}", "{\"name\":\"M\",\"email\":\"lisa@some-email-provider.net\"}", $"{{\"name\":\"M\",\"email\":\"x@y.co\",\"version\":\"{Guid.NewGuid()}\"}}"]),
            ("POST", "/api/admin/providers", ["{\"name\":\"A\",\"specialty\":\"B\",\"hours\":[{\"day\":\"funday\",\"start\":\"09:00\",\"end\":\"17:00\"}]}", "{\"name\":\"A\",\"specialty\":\"B\",\"hours\":[{\"day\":\"monday\",\"start\":\"17:00\",\"end\":\"09:00\"}]}", "{\"name\":\"A\",\"specialty\":\"B\",\"hours\":[{\"day\":\"1\",\"start\":\"9\",\"end\":\"x\"}]}"]),
            ("PUT", $"/api/admin/providers/{kim}", ["{\"name\":\"A\",\"specialty\":\"B\",\"hours\":[]}", "{\"name\":\"\",\"specialty\":\"B\"}"]),
            ("POST", "/api/admin/medications", ["{\"name\":\"Diovan\",\"strengths\":[\"5mg\"]}", "{\"name\":\"A\",\"strengths\":[\"lots\"]}", "{\"name\":\"A\",\"strengths\":[]}"]),
            ("PUT", $"/api/admin/medications/{diovan}", ["{\"name\":\"Lexapro\",\"strengths\":[\"5mg\"]}", "{\"name\":\"A\",\"strengths\":[\"-5mg\"]}"]),
            ("POST", $"/api/patients/{mark}/appointments", [$"{{\"providerId\":\"{kim}\",\"datetime\":\"0001-01-01T00:00:00Z\"}}", $"{{\"providerId\":\"{kim}\",\"datetime\":\"2030-01-07T10:00\",\"repeat\":\"daily\"}}", $"{{\"providerId\":\"{kim}\",\"datetime\":\"2020-01-06T10:00\"}}", $"{{\"providerId\":\"{kim}\",\"datetime\":\"2030-01-07T10:00\",\"repeat\":\"weekly\",\"endDate\":\"2029-01-01\"}}", $"{{\"providerId\":\"{Guid.NewGuid()}\",\"datetime\":\"2030-01-07T10:00\"}}"]),
            ("PUT", $"/api/patients/{mark}/appointments/{markSeries}", ["{\"endDate\":\"1999-01-01\"}", "{\"notes\":\"" + Huge + "\"}"]),
            ("POST", $"/api/patients/{mark}/prescriptions", [$"{{\"medicationId\":\"{diovan}\",\"dosage\":\"7mg\",\"quantity\":1,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"monthly\"}}", $"{{\"medicationId\":\"{diovan}\",\"dosage\":\"25mg\",\"quantity\":-3,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"monthly\"}}", $"{{\"medicationId\":\"{diovan}\",\"dosage\":\"25mg\",\"quantity\":1,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"daily\"}}", $"{{\"medicationId\":\"{diovan}\",\"dosage\":\"25mg\",\"quantity\":1,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"monthly\",\"endDate\":\"2029-01-01\"}}"]),
            ("POST", $"/api/admin/patients/{mark}/appointments", ["{\"provider\":\"Dr Nobody\",\"datetime\":\"2030-01-07T10:00\"}", "{\"provider\":\"dr kim west\",\"datetime\":\"2020-01-06T10:00\"}", "{\"provider\":\"Dr Kim West\",\"datetime\":\"2030-01-07T10:00\",\"repeat\":\"daily\"}"]),
            ("PUT", $"/api/admin/patients/{mark}/appointments/{markSeries}", ["{\"provider\":\"Dr Nobody\"}", "{\"repeat\":\"none\"}", "{\"datetime\":\"2020-01-06T10:00\"}", "{\"repeat\":\"daily\"}", "{\"datetime\":\"soon\"}", "{\"isActive\":\"no\"}"]),
            ("POST", $"/api/admin/patients/{mark}/prescriptions", ["{\"medication\":\"Nothing\",\"dosage\":\"25mg\",\"quantity\":1,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"monthly\"}", "{\"medication\":\"diovan\",\"dosage\":\"7mg\",\"quantity\":1,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"monthly\"}"]),
            ("PUT", $"/api/admin/patients/{mark}/prescriptions/{markScript}", ["{\"medication\":\"Nothing\"}", "{\"dosage\":\"1kg\"}", "{\"refill_schedule\":\"daily\"}"]),
            ("PUT", $"/api/patients/{mark}/prescriptions/{markScript}", [$"{{\"medicationId\":\"{diovan}\",\"dosage\":\"1kg\",\"quantity\":1,\"refill_on\":\"2030-01-01\",\"refill_schedule\":\"weekly\"}}"]),
        };

        var before = await api.SnapshotAsync();
        using var admin = await api.AsAsync(DemoLogins.Admin);
        using var patient = await api.AsAsync(DemoLogins.Mark);
        var failures = new List<string>();
        foreach (var (method, path, specific) in writes)
        {
            foreach (var body in GenericBodies.Concat(specific))
            {
                await ExpectRefusedAsync(admin, method, path, new StringContent(body, Encoding.UTF8, "application/json"), failures);
            }

            await ExpectRefusedAsync(admin, method, path, new ByteArrayContent([0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, failures);
            await ExpectRefusedAsync(admin, method, path, new StringContent("name=x", Encoding.UTF8, "text/plain"), failures);
            await ExpectRefusedAsync(admin, method, path, new StringContent("{\"name\":\"" + new string('y', 200_000) + "\"}", Encoding.UTF8, "application/json"), failures);
        }

        foreach (var body in GenericBodies.Append($"{{\"providerId\":\"{kim}\",\"datetime\":\"tomorrow at ten\"}}").Append($"{{\"providerId\":\"{kim}\",\"datetime\":\"2030-01-07T10:15:00-08:00\"}}")
            .Append("{\"provider\":\"Dr Nobody\",\"datetime\":\"2030-01-07T10:00\"}").Append($"{{\"provider\":\"{kim}\",\"datetime\":\"2030-01-07T10:00\",\"repeat\":\"daily\"}}"))
        {
            await ExpectRefusedAsync(patient, "POST", "/api/appointments/book", new StringContent(body, Encoding.UTF8, "application/json"), failures);
        }

        foreach (var query in new[] { "page=0", "page=abc", "pageSize=0", "pageSize=100000", "page=99999999999", "search=" + new string('s', 500) })
        {
            using var response = await admin.GetAsync("/api/admin/patients?" + query);
            await CheckAsync(response, "GET", query, failures);
        }

        foreach (var date in new[] { "2026-02-30", "tomorrow", "20260101", "0000-01-01" })
        {
            using var response = await patient.GetAsync($"/api/providers/{kim}/availability/{date}");
            await CheckAsync(response, "GET availability", date, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await api.SnapshotAsync());
    }

    private static async Task ExpectRefusedAsync(HttpClient client, string method, string path, HttpContent content, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        var sample = (await content.ReadAsStringAsync()) is var text && text.Length > 80 ? text[..80] + "…" : text;
        using var response = await client.SendAsync(request);
        await CheckAsync(response, $"{method} {path}", sample, failures);
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what, string input, List<string> failures)
    {
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            failures.Add($"{what} with {input}: {status} {await response.Content.ReadAsStringAsync()}");
            return;
        }

        try
        {
            await ProblemAssert.IsProblemAsync(response, what);
        }
        catch (Exception e)
        {
            failures.Add($"{what} with {input}: {e.Message}");
        }
    }
}
