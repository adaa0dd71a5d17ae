using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Api;

/// <summary>
/// Every /api route the app maps must have an expectation here, so a new route without one fails. Each route is
/// called as anonymous, Mark, Lisa, staff and admin with Mark's patient id, unknown sub-resource ids and an empty
/// JSON body, so no call changes data, and the status must match who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests(ApiApp api) : IClassFixture<ApiApp>
{
    private enum Access
    {
        Anonymous,
        AnyUser,
        Admin,
        OwnerOrAdmin,
        AdminOnPatient,
        PatientOnly,
        OwnerOrFrontDesk,
        FrontDeskOnPatient,
    }

    private static readonly Dictionary<string, Access> Expected = new()
    {
        ["GET /api/health"] = Access.Anonymous,
        ["GET /api/status"] = Access.Anonymous,
        // The reference page (/api/docs) is served only where docs are public (Development or Api:PublicDocs), not here.
        ["POST /api/auth/login"] = Access.Anonymous,
        ["POST /api/auth/register"] = Access.Admin,
        ["POST /api/auth/password"] = Access.Anonymous,
        ["GET /api/admin/patients"] = Access.Admin,
        ["POST /api/admin/patients"] = Access.Admin,
        ["GET /api/admin/patients/{id:guid}"] = Access.Admin,
        ["PUT /api/admin/patients/{id:guid}"] = Access.Admin,
        ["DELETE /api/admin/patients/{id:guid}"] = Access.Admin,
        ["POST /api/admin/patients/{id:guid}/restore"] = Access.Admin,
        ["POST /api/admin/patients/purge"] = Access.Admin,
        ["GET /api/patients/{id:guid}/dashboard"] = Access.OwnerOrAdmin,
        ["GET /api/admin/providers"] = Access.Admin,
        ["POST /api/admin/providers"] = Access.Admin,
        ["GET /api/admin/providers/{id:guid}"] = Access.Admin,
        ["PUT /api/admin/providers/{id:guid}"] = Access.Admin,
        ["DELETE /api/admin/providers/{id:guid}"] = Access.Admin,
        ["GET /api/providers"] = Access.Anonymous,
        ["GET /api/providers/{provider:guid}/availability/{date}"] = Access.AnyUser,
        ["GET /api/patients/{id:guid}/appointments"] = Access.OwnerOrFrontDesk,
        ["POST /api/patients/{id:guid}/appointments"] = Access.OwnerOrFrontDesk,
        ["PUT /api/patients/{id:guid}/appointments/{appointmentId:guid}"] = Access.FrontDeskOnPatient,
        ["DELETE /api/patients/{id:guid}/appointments/{appointmentId:guid}"] = Access.OwnerOrFrontDesk,
        ["POST /api/appointments/book"] = Access.PatientOnly,
        ["GET /api/patients/{id:guid}/prescriptions"] = Access.OwnerOrAdmin,
        ["POST /api/patients/{id:guid}/prescriptions"] = Access.AdminOnPatient,
        ["PUT /api/patients/{id:guid}/prescriptions/{prescriptionId:guid}"] = Access.AdminOnPatient,
        ["DELETE /api/patients/{id:guid}/prescriptions/{prescriptionId:guid}"] = Access.AdminOnPatient,
        ["GET /api/admin/medications"] = Access.Admin,
        ["POST /api/admin/medications"] = Access.Admin,
        ["GET /api/admin/medications/{id:guid}"] = Access.Admin,
        ["PUT /api/admin/medications/{id:guid}"] = Access.Admin,
        ["DELETE /api/admin/medications/{id:guid}"] = Access.Admin,
        ["GET /api/admin/audit"] = Access.Admin,
        ["GET /api/admin/audit/export"] = Access.Admin,
        ["GET /api/admin/audit/verify"] = Access.Admin,
        ["GET /api/admin/accounts"] = Access.Admin,
        ["GET /api/admin/accounts/{userId}"] = Access.Admin,
        ["POST /api/admin/accounts/{userId}/disable"] = Access.Admin,
        ["POST /api/admin/accounts/{userId}/enable"] = Access.Admin,
        ["POST /api/admin/accounts/{userId}/sign-out-everywhere"] = Access.Admin,
        ["GET /api/patient/dashboard"] = Access.PatientOnly,
        ["GET /api/appointments/availability/{provider}"] = Access.AnyUser,
        ["POST /api/admin/patients/{id:guid}/appointments"] = Access.Admin,
        ["PUT /api/admin/patients/{id:guid}/appointments/{appointmentId:guid}"] = Access.Admin,
        ["DELETE /api/admin/patients/{id:guid}/appointments/{appointmentId:guid}"] = Access.Admin,
        ["POST /api/admin/patients/{id:guid}/prescriptions"] = Access.Admin,
        ["PUT /api/admin/patients/{id:guid}/prescriptions/{prescriptionId:guid}"] = Access.Admin,
        ["DELETE /api/admin/patients/{id:guid}/prescriptions/{prescriptionId:guid}"] = Access.Admin,
        ["GET /api/{**path}"] = Access.Anonymous,
        ["GET /api/admin/notifications"] = Access.Admin,
        ["POST /api/admin/notifications/{id:guid}/resend"] = Access.Admin,
        ["POST /api/notifications/unsubscribe"] = Access.Anonymous,
    };

    private static readonly string[] Actors = ["anonymous", DemoLogins.Lisa, DemoLogins.Staff, DemoLogins.Mark, DemoLogins.Admin];

    public static IEnumerable<string> MappedApiRoutes(EmrAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct()
            .Order();

    [Fact]
    public void EveryMappedApiRoute_HasAnExpectation_AndEveryExpectationIsMapped()
    {
        var mapped = MappedApiRoutes(api.App).ToList();
        Assert.Empty(mapped.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(mapped));
    }

    [Fact]
    public async Task EveryRoute_AnswersEachActor_AsItsAccessRuleSays()
    {
        var mark = await api.PatientIdAsync(DemoLogins.Mark);
        var provider = await api.App.ProviderIdAsync("Dr Kim West");
        var before = await api.SnapshotAsync();
        var failures = new List<string>();
        foreach (var route in MappedApiRoutes(api.App).Where(Expected.ContainsKey))
        {
            var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
            var path = pattern
                .Replace("{id:guid}", (pattern.StartsWith("/api/admin", StringComparison.Ordinal) ? Guid.NewGuid() : mark).ToString())
                .Replace("{appointmentId:guid}", Guid.NewGuid().ToString())
                .Replace("{prescriptionId:guid}", Guid.NewGuid().ToString())
                .Replace("{userId}", Guid.NewGuid().ToString())
                .Replace("{provider:guid}", provider.ToString())
                .Replace("{provider}", "Dr%20Kim%20West")
                .Replace("{date}", "2030-01-07")
                .Replace("/{documentName?}", "");
            foreach (var actor in Actors)
            {
                using var client = actor == "anonymous" ? api.Anonymous() : await api.AsAsync(actor);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var want = Want(Expected[route], actor);
                var got = (int)response.StatusCode;
                var ok = want switch
                {
                    HttpStatusCode.OK => got is < 500 and not 401 and not 403,
                    _ => got == (int)want,
                };
                if (!ok)
                {
                    failures.Add($"{route} as {actor}: wanted {(want == HttpStatusCode.OK ? "allowed" : ((int)want).ToString())}, got {got}");
                }
                else if (got >= 400)
                {
                    await ProblemAssert.IsProblemAsync(response, $"{route} as {actor}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await api.SnapshotAsync());
    }

    /// <summary>OK stands for "allowed": any status but 401, 403 and 5xx (an empty body may well be a 400).</summary>
    private static HttpStatusCode Want(Access access, string actor)
    {
        var anonymous = actor == "anonymous";
        var denied = access switch
        {
            Access.Anonymous => false,
            Access.AnyUser => false,
            Access.Admin => actor != DemoLogins.Admin,
            Access.OwnerOrAdmin => actor is not (DemoLogins.Mark or DemoLogins.Admin),
            Access.AdminOnPatient => actor != DemoLogins.Admin,
            Access.PatientOnly => actor is not (DemoLogins.Mark or DemoLogins.Lisa),
            Access.OwnerOrFrontDesk => actor is not (DemoLogins.Mark or DemoLogins.Staff or DemoLogins.Admin),
            Access.FrontDeskOnPatient => actor is not (DemoLogins.Staff or DemoLogins.Admin),
            _ => true,
        };
        return access != Access.Anonymous && anonymous ? HttpStatusCode.Unauthorized
            : denied ? HttpStatusCode.Forbidden
            : HttpStatusCode.OK;
    }
}
