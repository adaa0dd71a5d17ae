using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary><c>GET /api/providers</c> is public in the original contract: no token, directory fields only, rate limited per address.</summary>
public sealed class OriginalPublicProvidersTests
{
    [Fact]
    public async Task Anonymous_GetsTheActiveProviders_WithOnlyTheDirectoryFields()
    {
        await using var api = new ApiApp();
        await api.InitializeAsync();
        using var admin = await api.AsAsync(DemoLogins.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/providers", new { name = "Dr Retired Public", specialty = "Oncology", isActive = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var anonymous = api.Anonymous();

        using var response = await anonymous.GetAsync("/api/providers");
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        using var body = await OriginalJson.ReadAsync(response, HttpStatusCode.OK);

        var providers = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(["Dr Kim West", "Dr Lin James", "Dr Sally Field"], providers.Select(p => p.GetProperty("name").GetString()).Order());
        Assert.All(providers, p => Assert.Equal(["id", "isActive", "name", "specialty"], p.EnumerateObject().Select(f => f.Name).Order()));
        Assert.All(providers, p => Assert.True(p.GetProperty("isActive").GetBoolean()));

        using var withBadToken = api.Anonymous();
        withBadToken.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        using var stillPublic = await withBadToken.GetAsync("/api/providers");
        Assert.Equal(HttpStatusCode.OK, stillPublic.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsRateLimitedPerAddress_With429AndRetryAfter()
    {
        await using var api = new ApiApp(new Dictionary<string, string?> { ["Api:RateLimits:PublicPermitLimit"] = "3", ["Api:RateLimits:PublicWindowSeconds"] = "3600" });
        await api.InitializeAsync();
        using var anonymous = api.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await anonymous.GetAsync("/api/providers");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await anonymous.GetAsync("/api/providers");
        using var body = await OriginalJson.ErrorAsync(limited, HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
