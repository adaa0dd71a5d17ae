using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>Assertions on the original contract's JSON: field names with their JSON types.</summary>
internal static partial class OriginalJson
{
    public static readonly (string, JsonValueKind)[] Appointment =
        [("id", JsonValueKind.String), ("provider", JsonValueKind.String), ("datetime", JsonValueKind.String), ("repeat", JsonValueKind.String), ("isActive", JsonValueKind.True)];

    public static readonly (string, JsonValueKind)[] Prescription =
        [("id", JsonValueKind.String), ("medication", JsonValueKind.String), ("dosage", JsonValueKind.String), ("quantity", JsonValueKind.Number),
         ("refill_on", JsonValueKind.String), ("refill_schedule", JsonValueKind.String), ("isActive", JsonValueKind.True)];

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    /// <summary>Each field present with its JSON type (True stands for any boolean).</summary>
    public static void Has(JsonElement element, params (string Name, JsonValueKind Kind)[] fields)
    {
        foreach (var (name, kind) in fields)
        {
            Assert.True(element.TryGetProperty(name, out var value), $"missing '{name}' in {element}");
            var actual = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
            Assert.True(actual == kind, $"'{name}' is {value.ValueKind}, not {kind}, in {element}");
        }
    }

    /// <summary>A 4xx with <c>message</c> (the original client shows it) and our ProblemDetails <c>code</c>; returns the body.</summary>
    public static async Task<JsonDocument> ErrorAsync(HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        var body = await ReadAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        }

        return body;
    }

    public static string FieldError(JsonDocument problem, string field) =>
        Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")]
    public static partial Regex NaiveDatetime();
}
