using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ZealthyEmr.Web.Api.Auth;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Legacy;

namespace ZealthyEmr.Web.Api;

public static class ApiServiceCollectionExtensions
{
    public const string CorsPolicy = "api-cors";

    public static IServiceCollection AddEmrApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations()
            .Validate<IHostEnvironment>((o, env) => JwtSigningKey.IsAcceptable(o.SigningKey, env), JwtSigningKey.Requirement + " (it may be left out only in Development).")
            .ValidateOnStart();
        services.AddOptions<ApiDocsOptions>().BindConfiguration(ApiDocsOptions.Section);
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton<JwtTokenIssuer>();
        services.AddSingleton<Patients.PatientViews>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthentication().AddJwtBearer();
        services.AddAuthorizationBuilder().AddEmrApiPolicies();

        // Bad input throws BadHttpRequestException, which ApiExceptionHandler turns into a 400 naming the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += ApiProblems.Customize);
        services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 32);

        services.AddEmrApiRateLimits();
        services.AddEmrOriginalContract();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());

        var cors = configuration.GetSection(ApiCorsOptions.Section).Get<ApiCorsOptions>() ?? new ApiCorsOptions();
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (cors.AllowedOrigins.Length > 0)
            {
                p.WithOrigins(cors.AllowedOrigins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(["Retry-After", "Location", .. OriginalContractServiceCollectionExtensions.ExposedHeaders]);
            }
        }));
        return services;
    }
}
