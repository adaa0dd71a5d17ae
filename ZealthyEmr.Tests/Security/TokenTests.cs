using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Api;
using ZealthyEmr.Web.Api.Auth;

namespace ZealthyEmr.Tests.Security;

public sealed class TokenTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Token_CarriesOnlyTheUserIdAndATokenId()
    {
        var token = new JsonWebToken(await api.LoginAsync(DemoLogins.Mark));

        var claims = token.Claims.Select(c => c.Type).Order().ToList();

        Assert.Equal(["aud", "exp", "iat", "iss", "jti", "nbf", "sub"], claims);
    }

    [Fact]
    public async Task RefusedToken_GetsAPlain401_WithoutTheReason()
    {
        var token = await api.LoginAsync(DemoLogins.Mark);
        using var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");

        using var response = await client.GetAsync(ApiApp.SignedInProbe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = string.Join(" ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        Assert.Equal("Bearer", challenge);
    }

    [Fact]
    public async Task Status_ShowsTheVersionOnlyToAnAdmin()
    {
        using var anonymous = api.Anonymous();
        using var admin = await api.AsAsync(DemoLogins.Admin);
        using var patient = await api.AsAsync(DemoLogins.Mark);

        var forAnonymous = await VersionAsync(anonymous);
        var forPatient = await VersionAsync(patient);
        var forAdmin = await VersionAsync(admin);

        Assert.Equal(JsonValueKind.Null, forAnonymous.ValueKind);
        Assert.Equal(JsonValueKind.Null, forPatient.ValueKind);
        Assert.False(string.IsNullOrEmpty(forAdmin.GetString()));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("bench-signing-key-0123456789abcdef0123456789abcdef", false)]
    [InlineData("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", false)]
    [InlineData("q83vEjRWeJC8mGrFsGbVzB5Hl1qJH2RZ6tN9aWfX3KE=", true)]
    public void SigningKey_MustBeBase64OfThirtyTwoRandomBytes(string key, bool acceptable)
    {
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };

        Assert.Equal(acceptable, JwtSigningKey.IsAcceptable(key, production));
    }

    [Fact]
    public void SigningKey_MayBeLeftOutOnlyInDevelopment()
    {
        Assert.False(JwtSigningKey.IsAcceptable(null, new HostingEnvironment { EnvironmentName = Environments.Production }));
        Assert.True(JwtSigningKey.IsAcceptable(null, new HostingEnvironment { EnvironmentName = Environments.Development }));
    }

    private static async Task<JsonElement> VersionAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("version").Clone();
    }
}
