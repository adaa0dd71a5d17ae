using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Seeding;

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
