namespace ZealthyEmr.Web.Api.Common;

/// <summary>Who may read the API's OpenAPI document and reference page.</summary>
public sealed class ApiDocsOptions
{
    public const string Section = "Api";

    /// <summary>
    /// Anonymous access to <c>/openapi/v1.json</c> and the reference page <c>/api/docs</c>; unset means only in
    /// Development. Otherwise the document needs an Admin bearer token (it maps every route an attacker could try)
    /// and the reference page is not served.
    /// </summary>
    public bool? PublicDocs { get; set; }

    public bool IsPublic(IHostEnvironment environment) => PublicDocs ?? environment.IsDevelopment();
}
