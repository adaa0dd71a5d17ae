using System.Net;
using System.Text.Json;

namespace ZealthyEmr.Tests.Integration;

public sealed class HealthTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Health_ReportsHealthyDatabase_Anonymously()
    {
        using var client = database.App.CreateClient();
        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_NamesTheDatabaseProvider_Anonymously_ButNotTheBuild()
    {
        using var client = database.App.CreateClient();
        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/status"));

        Assert.Equal("Sqlite", body.RootElement.GetProperty("databaseProvider").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task Status_CountsUptimeFromStart_NotFromTheFirstRequest()
    {
        await using var app = new Infrastructure.EmrAppFactory();
        _ = app.Server;
        var beforeFirstRequest = DateTimeOffset.UtcNow;
        using var client = app.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/status"));

        Assert.True(body.RootElement.GetProperty("startedAt").GetDateTimeOffset() < beforeFirstRequest);
    }
}
