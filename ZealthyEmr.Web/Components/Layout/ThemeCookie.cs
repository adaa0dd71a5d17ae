namespace ZealthyEmr.Web.Components.Layout;

/// <summary>
/// Remembers the signed-in user's light or dark choice in the browser, so the sign-in pages (where nobody is signed in
/// yet to look it up for) open in the theme the user left. It holds only "dark" or "light": nothing about who they are.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "zealthy.theme";

    public static void Remember(HttpResponse response, bool dark) =>
        response.Cookies.Append(Name, dark ? "dark" : "light", new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

    public static bool PrefersDark(HttpRequest request) => request.Cookies[Name] == "dark";
}
