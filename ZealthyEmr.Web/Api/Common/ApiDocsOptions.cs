namespace ZealthyEmr.Web.Api.Common;

/// <summary>Who may read the API's OpenAPI document and reference page.</summary>
public sealed class ApiDocsOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Anonymous access to <c>/openapi/v1.json</c> and <c>/api/docs</c>; unset means only in Development. Otherwise
    /// they need an Admin bearer token, since the document maps every route an attacker could try.
    /// </summary>
    public bool? PublicDocs { get; set; }

    public bool IsPublic(IHostEnvironment environment) => PublicDocs ?? environment.IsDevelopment();
}
