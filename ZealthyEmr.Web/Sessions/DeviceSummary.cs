namespace ZealthyEmr.Web.Sessions;

/// <summary>"Browser on system" from a user agent, enough for a person to recognise their own devices.</summary>
internal static class DeviceSummary
{
    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }

        var browser = Find(userAgent, ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"));
        var system = Find(userAgent, ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"));
        return (browser, system) switch
        {
            (null, null) => userAgent.Length > 60 ? userAgent[..60] : userAgent,
            (null, _) => $"Browser on {system}",
            (_, null) => browser,
            _ => $"{browser} on {system}",
        };
    }

    private static string? Find(string userAgent, params (string Token, string Name)[] candidates) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Token, StringComparison.Ordinal)).Name;
}
