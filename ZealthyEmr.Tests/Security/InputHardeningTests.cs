using System.Net;
using System.Text.Json;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Api;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Security;

public sealed class InputHardeningTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Theory]
    [InlineData("Ann\\u0000Lee")]
    [InlineData("\\u202Eeel nnA")]
    [InlineData("Ann\\u2066Lee")]
    [InlineData("Ann\\tLee")]
    public async Task PatientAndProviderNames_WithControlOrDirectionCharacters_AreRefusedOnTheNameField(string name)
    {
        using var admin = await api.AsAsync(DemoLogins.Admin);
        var before = await api.SnapshotAsync();
        var email = $"p{Guid.NewGuid():N}@example.com";

        using var patient = await admin.PostAsync("/api/admin/patients", ContractTests.Json($"{{\"name\":\"{name}\",\"email\":\"{email}\",\"password\":\"{DemoLogins.Password}\"}}"));
        using var provider = await admin.PostAsync("/api/admin/providers", ContractTests.Json($"{{\"name\":\"{name}\",\"specialty\":\"Cardiology\",\"hours\":[]}}"));
        using var staff = await admin.PostAsync("/api/auth/register", ContractTests.Json($"{{\"name\":\"{name}\",\"email\":\"s{email}\",\"password\":\"{DemoLogins.Password}\",\"role\":\"Staff\"}}"));

        foreach (var response in new[] { patient, provider, staff })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("name", out _), body.RootElement.ToString());
        }

        Assert.Equal(before, await api.SnapshotAsync());
    }

    [Fact]
    public void PlainText_AllowsAccentsAndNonLatinScripts()
    {
        Assert.True(TextRules.IsPlainText("José Núñez-O'Brien"));
        Assert.True(TextRules.IsPlainText("محمد علي"));
        Assert.True(TextRules.IsPlainText("李小龍"));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("9000-01-01")]
    public async Task SeriesEndDate_FarInTheFuture_IsAFieldError_NotA500(string endDate)
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        Guid series;
        await using (var db = await api.CreateDbContextAsync())
        {
            series = db.AppointmentSeries.First(s => s.PatientId == mark).Id;
        }

        using var admin = await api.AsAsync(DemoLogins.Admin);
        using var response = await admin.PutAsync($"/api/patients/{mark}/appointments/{series}", ContractTests.Json($"{{\"endDate\":\"{endDate}\"}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty("endDate", out _), body.RootElement.ToString());
    }
}
