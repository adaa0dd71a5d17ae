using NetEscapades.AspNetCore.SecurityHeaders;

namespace ZealthyEmr.Web.Security;

/// <summary>
/// The headers every response carries. The Content-Security-Policy is as strict as Blazor Server and MudBlazor allow:
/// <list type="bullet">
/// <item><c>default-src 'self'</c>: everything (scripts, styles, fonts, the favicon) is served by this app; no CDN.</item>
/// <item><c>script-src 'self'</c> plus a per-request nonce: blazor.web.js and MudBlazor.min.js are files from this origin;
/// the only inline script is the framework's import map, which App.razor stamps with the nonce. No <c>'unsafe-eval'</c>
/// and no <c>'unsafe-inline'</c>: Blazor Server runs its .NET code on the server and needs neither.</item>
/// <item><c>style-src 'self' 'unsafe-inline'</c>: MudBlazor sets inline <c>style</c> attributes (popover positions, grid
/// widths, theme variables) and Blazor applies them through the DOM while rendering, which CSP cannot nonce.
/// Styles cannot run script, so this is the one relaxation.</item>
/// <item><c>img-src 'self' data:</c>: MudBlazor's inputs and icons use small <c>data:</c> SVG images in its CSS.</item>
/// <item><c>connect-src 'self'</c>: the SignalR circuit (WebSocket, same origin; browsers match ws/wss to 'self').</item>
/// <item><c>frame-ancestors 'none'</c>, <c>object-src 'none'</c>, <c>base-uri 'self'</c>, <c>form-action 'self'</c>:
/// no framing (clickjacking), no plugins, no base-tag or form hijacking.</item>
/// </list>
/// The API reference page (Scalar) inlines its own bootstrap script and styles, so it gets its own looser policy;
/// it is public only in Development unless <c>Api:PublicDocs</c> says otherwise.
/// </summary>
internal static class EmrSecurityHeaders
{
    public const string DocsPolicy = "api-docs";

    public static IServiceCollection AddEmrSecurityHeaders(this IServiceCollection services)
    {
        services.AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p => Common(p).AddContentSecurityPolicy(csp =>
            {
                Locked(csp);
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().WithNonce();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
            }))
            .AddPolicy(DocsPolicy, p => Common(p).AddContentSecurityPolicy(csp =>
            {
                Locked(csp);
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline();
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
            }));
        return services;
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policies) => policies
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .AddPermissionsPolicy(pp =>
        {
            // The EMR uses none of these; WebAuthn (publickey-credentials-*) stays allowed for this origin for passkeys.
            pp.AddAccelerometer().None();
            pp.AddCamera().None();
            pp.AddGeolocation().None();
            pp.AddGyroscope().None();
            pp.AddMagnetometer().None();
            pp.AddMicrophone().None();
            pp.AddPayment().None();
            pp.AddUsb().None();
            pp.AddPublickeyCredentialsGet().Self();
            pp.AddPublickeyCredentialsCreate().Self();
        })
        .RemoveServerHeader();

    private static void Locked(CspBuilder csp)
    {
        csp.AddFrameAncestors().None();
        csp.AddObjectSrc().None();
        csp.AddBaseUri().Self();
        csp.AddFormAction().Self();
    }
}
