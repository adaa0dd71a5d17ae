using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ZealthyEmr.Bench;

/// <summary>The app's REST API over one pooled HttpClient; every call carries the caller's bearer token.</summary>
public sealed class ApiClient(Uri app) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = app,
        Timeout = TimeSpan.FromSeconds(30),
        // The app runs in Production, which only serves HTTPS; the bench stands in for the TLS proxy on loopback.
        DefaultRequestHeaders = { { "X-Forwarded-Proto", "https" } },
    };

    public sealed record Login(string Token, string? PatientId);

    public async Task<Login> LoginAsync(string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Login of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var user = body.GetProperty("user");
        return new Login(body.GetProperty("token").GetString()!, user.TryGetProperty("patientId", out var id) ? id.GetString() : null);
    }

    public async Task<HttpStatusCode> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Authorize(request, token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode;
    }

    /// <summary>The free slots exactly as the API writes them, so posting one back books that slot.</summary>
    public async Task<IReadOnlyList<string>> FreeSlotsAsync(Guid providerId, DateOnly day, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/providers/{providerId}/availability/{day:yyyy-MM-dd}");
        Authorize(request, token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => s.GetString()!)];
    }

    public async Task<HttpStatusCode> BookAsync(Guid providerId, string slot, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments/book") { Content = JsonContent.Create(new { providerId, datetime = slot }) };
        Authorize(request, token);
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode;
    }

    public void Dispose() => http.Dispose();

    private static void Authorize(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
