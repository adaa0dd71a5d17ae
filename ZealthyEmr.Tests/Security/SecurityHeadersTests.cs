using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Security;

/// <summary>Over real Kestrel, since the Server header is Kestrel's and the in-memory test server sends none.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task PortalPage_ApiAnswer_AndCalendarFile_CarryTheSecurityHeaders_AndAreNeverStored()
    {
        await using var app = new EmrAppFactory();
        var root = app.StartKestrel();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = root };

        using var page = await client.GetAsync("/account/login");
        using var signedIn = await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        using var ics = await client.GetAsync("/portal/appointments.ics");

        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = DemoLogins.Mark, password = DemoLogins.Password });
        var body = await login.Content.ReadFromJsonAsync<JsonElement>();
        using var dashboard = new HttpRequestMessage(HttpMethod.Get, $"/api/patients/{body.GetProperty("user").GetProperty("patientId").GetString()}/dashboard");
        dashboard.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        using var api = await client.SendAsync(dashboard);

        foreach (var (name, response) in new[] { ("login page", page), ("calendar file", ics), ("API dashboard", api) })
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {response.StatusCode}");
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'self'", csp);
            Assert.Matches("script-src 'self' 'nonce-[^']+'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
            Assert.False(response.Headers.Contains("Server"), $"{name} sends Server: {string.Join(",", response.Headers.TryGetValues("Server", out var s) ? s : [])}");
        }

        // Any inline script on the page (the framework's import map) carries the nonce the header allows.
        var nonce = Regex.Match(Header(page, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        var html = await page.Content.ReadAsStringAsync();
        Assert.All(
            Regex.Matches(html, "<script(?![^>]*\\ssrc=)[^>]*>").Select(m => m.Value),
            tag => Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(tag)));
    }

    [Fact]
    public async Task StaticAssets_KeepTheirOwnCaching()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateClient();
        var page = await client.GetStringAsync("/account/login");
        var href = Regex.Match(page, "href=\"(_content/MudBlazor/MudBlazor[^\"]*\\.css)\"").Groups[1].Value;

        using var css = await client.GetAsync("/" + href);
        Assert.NotEmpty(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("no-store", css.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task HostHeader_IsNotReflectedIntoTheSignInRedirect()
    {
        await using var app = new EmrAppFactory();
        using var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain("evil.example", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Production_RedirectsToHttps_AndSendsHsts_AndSecureCookies()
    {
        await using var app = ProductionApp.Create();
        using var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var redirected = await plain.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.StartsWith("https://", redirected.Headers.Location?.ToString());

        using var tls = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://emr.example.test") });
        using var page = await tls.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=", Header(page, "Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_WithNoHttpsPortOrProxy_RefusesPlainHttpWithAReason_ButAnswersHealthProbes()
    {
        await using var app = ProductionApp.Create(new Dictionary<string, string?> { ["https_port"] = null });
        using var plain = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await plain.GetAsync("/account/login");
        using var health = await plain.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("must be opened over HTTPS", await page.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.BadRequest, health.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, health.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : "";
}
