using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>The seeded app configured as for the original React client: CORS allowed for its dev origin.</summary>
public sealed class OriginalClientApp : IAsyncLifetime
{
    public const string Origin = "http://localhost:3000";

    public ApiApp Api { get; } = new(new Dictionary<string, string?>
    {
        ["Api:RateLimits:LoginPermitLimit"] = "1000",
        ["Api:RateLimits:BookingPermitLimit"] = "1000",
        ["Api:RateLimits:PublicPermitLimit"] = "1000",
        ["Api:Cors:AllowedOrigins:0"] = Origin,
    });

    public ClinicCalendar Calendar => Api.App.Services.GetRequiredService<ClinicCalendar>();

    public Task InitializeAsync() => Api.InitializeAsync();

    public Task DisposeAsync() => Api.DisposeAsync();

    /// <summary>Signs in as the original client does and returns the whole answer.</summary>
    public async Task<JsonDocument> LoginAsync(string email, string password = ZealthyEmr.Domain.Seeding.DemoLogins.Password)
    {
        using var client = Api.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        return await OriginalJson.ReadAsync(response, System.Net.HttpStatusCode.OK);
    }
}
