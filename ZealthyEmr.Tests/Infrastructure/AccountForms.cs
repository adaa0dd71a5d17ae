using System.Text.RegularExpressions;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>Posts a statically rendered Blazor form (EditForm with a FormName) as a browser would, antiforgery token included.</summary>
public static partial class AccountForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
            ["_handler"] = formName,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
