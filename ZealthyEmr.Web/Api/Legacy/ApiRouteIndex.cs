using Microsoft.AspNetCore.Routing.Template;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// Which methods the API's routes accept on a path, for the catch-all to tell "no such route" (404) from
/// "not with this method" (405 with Allow). Built once from the app's endpoints on first use.
/// </summary>
public sealed class ApiRouteIndex
{
    private static readonly IReadOnlyList<string> GetOnly = [HttpMethods.Get];
    private readonly Lazy<List<ApiRoute>> routes;

    public ApiRouteIndex(EndpointDataSource endpoints) => routes = new(() => Build(endpoints));

    public IReadOnlyList<string> MethodsFor(PathString path) =>
        [.. routes.Value.Where(r => r.Matcher.TryMatch(path, [])).SelectMany(r => r.Methods).Distinct().Order()];

    private static List<ApiRoute> Build(EndpointDataSource endpoints) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
            .Select(e => new ApiRoute(
                new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? GetOnly))];

    private sealed record ApiRoute(TemplateMatcher Matcher, IReadOnlyList<string> Methods);
}
