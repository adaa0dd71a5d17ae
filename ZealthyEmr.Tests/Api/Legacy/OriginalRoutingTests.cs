using System.Net;
using System.Text.Json;
using ZealthyEmr.Domain.Seeding;

namespace ZealthyEmr.Tests.Api.Legacy;

/// <summary>What the browser needs to see our answers at all: CORS on every /api answer, 404 for unknown routes, and the documented routes.</summary>
public sealed class OriginalRoutingTests(OriginalClientApp app) : IClassFixture<OriginalClientApp>
{
    private ApiApp Api => app.Api;

    [Fact]
    public async Task UnknownRoute_Is404ProblemWithCors_ForAnyMethod()
    {
        using var client = await Api.AsAsync(DemoLogins.Mark);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, "/api/nothing/here") { Content = method == HttpMethod.Get ? null : OriginalJson.Body("{}") };
            request.Headers.Add("Origin", OriginalClientApp.Origin);
            using var response = await client.SendAsync(request);
            Assert.Equal(OriginalClientApp.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            using var body = await OriginalJson.ErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
        }
    }

    [Fact]
    public async Task PreflightOfAnUnknownRoute_AllowsTheOrigin()
    {
        using var client = Api.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/appointments/nowhere/Dr%20Sally%20Field");
        request.Headers.Add("Origin", OriginalClientApp.Origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        using var response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(OriginalClientApp.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task KnownRouteWithAnotherMethod_Is405WithAllowAndCors_AndErrorsExposeTheirHeaders()
    {
        using var client = await Api.AsAsync(DemoLogins.Mark);
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/providers");
        request.Headers.Add("Origin", OriginalClientApp.Origin);
        using var response = await client.SendAsync(request);

        Assert.Equal(OriginalClientApp.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET", response.Content.Headers.Allow.Single());
        using var body = await OriginalJson.ErrorAsync(response, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/providers");
        list.Headers.Add("Origin", OriginalClientApp.Origin);
        using var listed = await client.SendAsync(list);
        var exposed = listed.Headers.GetValues("Access-Control-Expose-Headers").Single();
        Assert.Contains("X-Total-Count", exposed);
        Assert.Contains("Link", exposed);
    }

    [Fact]
    public async Task ChallengeAndForbid_CarryCors()
    {
        using var anonymous = Api.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/patients");
        request.Headers.Add("Origin", OriginalClientApp.Origin);
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(OriginalClientApp.Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var body = await OriginalJson.ErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryRoute_WithSchemas_AndTagsTheOriginalOnes()
    {
        using var client = await Api.AsAsync(DemoLogins.Admin);
        using var doc = await OriginalJson.ReadAsync(await client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var mapped = AuthorizationMatrixTests.MappedApiRoutes(Api.App)
            .Where(r => !r.Contains("/api/docs", StringComparison.Ordinal) && !r.Contains("{**", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, ":[a-z]+}", "}"))
            .ToList();
        Assert.Empty(mapped.Except(documented));

        foreach (var (path, method) in new[]
        {
            ("/api/patient/dashboard", "get"), ("/api/appointments/availability/{provider}", "get"),
            ("/api/admin/patients/{id}/appointments", "post"), ("/api/admin/patients/{id}/prescriptions", "post"),
            ("/api/admin/patients/{id}/appointments/{appointmentId}", "put"), ("/api/admin/patients/{id}/appointments/{appointmentId}", "delete"),
            ("/api/admin/patients/{id}/prescriptions/{prescriptionId}", "put"), ("/api/admin/patients/{id}/prescriptions/{prescriptionId}", "delete"),
        })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Contains("Original contract", operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)), $"{method} {path} has no response schema");
        }

        var book = paths.GetProperty("/api/appointments/book").GetProperty("post");
        var schema = book.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("properties", out _));
        Assert.Contains("userId", doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("BookRequest").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }
}
