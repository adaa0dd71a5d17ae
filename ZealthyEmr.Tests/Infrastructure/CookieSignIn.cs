using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>Signs in through the real login form (antiforgery token and all) with a cookie-keeping client.</summary>
public static partial class CookieSignIn
{
    public static HttpClient CreateBrowserLikeClient(this EmrAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "",
        };
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
