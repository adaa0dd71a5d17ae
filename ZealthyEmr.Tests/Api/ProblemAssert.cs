using System.Text.Json;

namespace ZealthyEmr.Tests.Api;

internal static class ProblemAssert
{
    /// <summary>Asserts a ProblemDetails body with a <c>code</c> and a <c>message</c>; returns the code.</summary>
    public static async Task<string> IsProblemAsync(HttpResponseMessage response, string because = "")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{because}: {(int)response.StatusCode} is not application/problem+json: {response.Content.Headers.ContentType} {text}");
        using var body = JsonDocument.Parse(text);
        var code = body.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        Assert.False(string.IsNullOrEmpty(code), $"{because}: no code in {text}");
        Assert.True(body.RootElement.TryGetProperty("message", out var m) && !string.IsNullOrEmpty(m.GetString()), $"{because}: no message in {text}");
        Assert.Equal((int)response.StatusCode, body.RootElement.GetProperty("status").GetInt32());
        return code!;
    }
}
