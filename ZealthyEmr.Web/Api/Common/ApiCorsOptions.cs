namespace ZealthyEmr.Web.Api.Common;

/// <summary>CORS is off unless origins are listed, for a front end served from another origin.</summary>
public sealed class ApiCorsOptions
{
    public const string Section = "Api:Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
