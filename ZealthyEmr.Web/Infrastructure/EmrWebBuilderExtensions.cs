using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Web.Api;
using ZealthyEmr.Web.Audit;
using ZealthyEmr.Web.Components.Account;
using ZealthyEmr.Web.Health;
using ZealthyEmr.Web.Security;

namespace ZealthyEmr.Web.Infrastructure;

public static class EmrWebBuilderExtensions
{
    public static WebApplicationBuilder AddEmrWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<ZealthyEmr.Web.Components.Layout.EmrThemeCss>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.Cookie.Name = "zealthy.auth";
                // Relative redirects: the framework's absolute ones would echo whatever Host header the request carried.
                o.Events.OnRedirectToLogin = RelativeRedirect;
                o.Events.OnRedirectToAccessDenied = RelativeRedirect;
            }));
        new IdentityBuilder(typeof(EmrUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddAuthorization();

        services.AddEmrAccountPages();
        builder.AddEmrSecurity();
        services.AddProblemDetails();
        services.AddEmrHealthChecks();
        services.AddSingleton<AppStatus>();
        services.AddEmrApi(builder.Configuration);
        services.AddEmrAuditWeb();
        return builder;
    }

    private static Task RelativeRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
