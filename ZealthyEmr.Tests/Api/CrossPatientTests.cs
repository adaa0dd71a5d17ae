using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Domain.Sessions;
using ZealthyEmr.Web.Api.Auth;

namespace ZealthyEmr.Tests.Api;

public sealed class CrossPatientTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Mark_CanNeitherReadNorChange_LisasRecords()
    {
        var lisa = await api.PatientIdAsync(DemoLogins.Lisa);
        Guid lisaSeries, lisaPrescription;
        await using (var db = await api.CreateDbContextAsync())
        {
            lisaSeries = await db.AppointmentSeries.Where(s => s.PatientId == lisa).Select(s => s.Id).FirstAsync();
            lisaPrescription = await db.Prescriptions.Where(p => p.PatientId == lisa).Select(p => p.Id).FirstAsync();
        }

        var before = await api.SnapshotAsync();
        using var mark = await api.AsAsync(DemoLogins.Mark);
        var attempts = new List<HttpResponseMessage>
        {
            await mark.GetAsync($"/api/patients/{lisa}/dashboard"),
            await mark.GetAsync($"/api/patients/{lisa}/appointments"),
            await mark.GetAsync($"/api/patients/{lisa}/prescriptions"),
            await mark.DeleteAsync($"/api/patients/{lisa}/appointments/{lisaSeries}"),
            await mark.PutAsJsonAsync($"/api/patients/{lisa}/appointments/{lisaSeries}", new { endDate = "2030-01-01" }),
            await mark.PostAsJsonAsync($"/api/patients/{lisa}/appointments", new { providerId = Guid.NewGuid(), datetime = "2030-01-07T10:00" }),
            await mark.DeleteAsync($"/api/patients/{lisa}/prescriptions/{lisaPrescription}"),
            await mark.GetAsync($"/api/admin/patients/{lisa}"),
        };

        foreach (var response in attempts)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("FORBIDDEN", await ProblemAssert.IsProblemAsync(response, response.RequestMessage!.RequestUri!.ToString()));
            response.Dispose();
        }

        Assert.Equal(before, await api.SnapshotAsync());
    }

    [Fact]
    public async Task APatientIdClaimInTheToken_IsReplacedByTheServersOwn()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        var lisa = await api.PatientIdAsync(DemoLogins.Lisa);
        // Mark's own valid token, signed again with the app's key and carrying Lisa's patient id in the claim the
        // server itself adds after its check: as if the key had leaked, or a later token format carried the id.
        var handler = new JsonWebTokenHandler();
        var genuine = handler.ReadJsonWebToken(await api.LoginAsync(DemoLogins.Mark));
        var forged = handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(genuine.Claims.Where(c => c.Type is JwtRegisteredClaimNames.Sub or JwtRegisteredClaimNames.Jti)
                .Append(new Claim(SessionClaims.PatientId, lisa.ToString()))),
            Issuer = genuine.Issuer,
            Audience = genuine.Audiences.Single(),
            IssuedAt = genuine.IssuedAt,
            NotBefore = genuine.ValidFrom,
            Expires = genuine.ValidTo,
            SigningCredentials = new SigningCredentials(api.App.Services.GetRequiredService<JwtSigningKey>().Key, SecurityAlgorithms.HmacSha256),
        });
        using var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var own = await client.GetAsync($"/api/patients/{mark}/dashboard");
        using var hers = await client.GetAsync($"/api/patients/{lisa}/dashboard");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, hers.StatusCode);
    }

    [Fact]
    public async Task PortalCookie_DoesNotAuthorizeTheApi()
    {
        using var browser = Infrastructure.CookieSignIn.CreateBrowserLikeClient(api.App);
        using var signedIn = await Infrastructure.CookieSignIn.PostLoginAsync(browser, DemoLogins.Admin, DemoLogins.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var read = await browser.GetAsync("/api/admin/patients");
        using var write = await browser.PostAsJsonAsync("/api/admin/medications", new { name = "Cookie", strengths = new[] { "5mg" } });

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        await using var db = await api.CreateDbContextAsync();
        Assert.False(await db.Medications.AnyAsync(m => m.Name == "Cookie"));
    }
}
