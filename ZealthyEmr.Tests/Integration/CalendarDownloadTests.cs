using System.Net;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration;

public sealed class CalendarDownloadTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Patient_DownloadsOnlyTheirOwnVisitsAsAnIcsFile()
    {
        using var client = database.App.CreateBrowserLikeClient();
        await client.PostLoginAsync(DemoLogins.Mark, DemoLogins.Password);

        using var response = await client.GetAsync("/portal/appointments.ics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("BEGIN:VEVENT", body);
        Assert.Contains("SUMMARY:Visit with Dr Kim West", body);
        Assert.DoesNotContain("Dr Sally Field", body);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        using var client = database.App.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/portal/appointments.ics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString());
    }
}
