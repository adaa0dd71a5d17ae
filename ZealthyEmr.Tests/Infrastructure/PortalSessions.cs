using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>Portal sign-ins over HTTP, with the session cookie copied out the way someone could copy it from a browser.</summary>
public static partial class PortalSessions
{
    public const string CookieName = "zealthy.auth";

    /// <summary>A new patient login of its own, so a test can disable or sign it out without touching the demo users.</summary>
    public static async Task<(string Email, string UserId)> NewPatientLoginAsync(this EmrAppFactory app, string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@clinic.test";
        var created = await app.Services.GetRequiredService<PatientAdminService>().CreateAsync(new PatientInput($"{prefix} patient", email), DemoLogins.Password);
        Assert.True(created.Succeeded, created.Error?.Message);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        // An admin-set password must be changed at first sign-in; these tests are about the session, not that step.
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.MustChangePassword, false));
        return (email, await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
    }

    /// <summary>Signs in through the login form; returns the cookie-keeping client and a copy of its session cookie.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInPortalAsync(this EmrAppFactory app, string email)
    {
        var client = app.CreateBrowserLikeClient();
        using var response = await client.PostLoginAsync(email, DemoLogins.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>A request carrying only the copied cookie, from a client that never signed in.</summary>
    public static async Task<HttpResponseMessage> GetWithCookieAsync(this EmrAppFactory app, string cookie, string path = "/")
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The portal answered the page itself rather than sending the visitor to sign in.</summary>
    public static async Task AssertSignedInAsync(this EmrAppFactory app, string cookie, string path = "/")
    {
        using var response = await app.GetWithCookieAsync(cookie, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task AssertRefusedAsync(this EmrAppFactory app, string cookie, string path = "/")
    {
        using var response = await app.GetWithCookieAsync(cookie, path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString());
    }

    /// <summary>Presses the app bar's sign-out button (a form post with its antiforgery token).</summary>
    public static async Task SignOutPortalAsync(this HttpClient client, string page = "/")
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
