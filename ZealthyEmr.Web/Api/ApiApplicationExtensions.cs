using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using ZealthyEmr.Web.Api.Appointments;
using ZealthyEmr.Web.Api.Auth;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;
using ZealthyEmr.Web.Api.Medications;
using ZealthyEmr.Web.Api.Patients;
using ZealthyEmr.Web.Api.Prescriptions;
using ZealthyEmr.Web.Api.Providers;
using ZealthyEmr.Web.Notifications;
using ZealthyEmr.Web.Audit;

namespace ZealthyEmr.Web.Api;

public static class ApiApplicationExtensions
{
    /// <summary>Largest JSON body the API reads; the biggest real request (a provider with a week of hours) is well under 1 KB.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The API's middleware, before authentication: its errors (exceptions, bare status codes such as a bearer
    /// challenge or an unmatched route) are ProblemDetails in every environment, and CORS answers preflights.
    /// CORS runs first and for the whole branch, so every /api answer (errors, unknown routes, their preflights) carries it.
    /// </summary>
    public static WebApplication UseEmrApi(this WebApplication app)
    {
        app.UseWhen(
            ctx => ctx.Request.Path.StartsWithSegments("/api"),
            branch =>
            {
                branch.UseCors(ApiServiceCollectionExtensions.CorsPolicy);
                branch.UseExceptionHandler();
                branch.UseStatusCodePages();
                // Kestrel enforces the endpoint's size limit while reading; this refuses a declared oversize body up front on any server.
                branch.Use((ctx, next) => ctx.Request.ContentLength > MaxBodyBytes
                    ? throw new BadHttpRequestException($"The request body is larger than {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
                    : next(ctx));
            });
        return app;
    }

    public static WebApplication MapEmrApi(this WebApplication app)
    {
        // Outside Development (unless Api:PublicDocs) the route map is for Admins only: the document needs an Admin
        // bearer token, and the reference page, which a browser cannot open with a bearer token, is not served.
        var openApi = app.MapOpenApi();
        if (app.Services.GetRequiredService<IOptions<ApiDocsOptions>>().Value.IsPublic(app.Environment))
        {
            app.MapScalarApiReference("/api/docs", o => o.WithTitle("Zealthy Mini EMR API"))
                .WithSecurityHeadersPolicy(Security.EmrSecurityHeaders.DocsPolicy);
        }
        else
        {
            openApi.RequireAuthorization(ApiPolicies.Admin);
        }

        var api = app.MapGroup("/api")
            .RequireCors(ApiServiceCollectionExtensions.CorsPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapAuthApi();
        api.MapPasswordApi();
        api.MapAdminPatientsApi();
        api.MapPatientDashboardApi();
        api.MapAdminProvidersApi();
        api.MapProvidersApi();
        api.MapPatientAppointmentsApi();
        api.MapBookingApi();
        api.MapPatientPrescriptionsApi();
        api.MapAdminMedicationsApi();
        api.MapNotificationsApi();
        api.MapAdminAuditApi();
        api.MapOriginalContractApi();
        return app;
    }
}
