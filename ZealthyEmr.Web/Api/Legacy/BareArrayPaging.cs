using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The original client maps over bare arrays, so paged lists stay bare and say the rest in headers:
/// <c>X-Total-Count</c> (all rows) and an RFC 8288 <c>Link</c> with first, prev, next and last pages.
/// <c>page</c> is 1-based.
/// </summary>
public static class BareArrayPaging
{
    /// <summary>Catalog lists (providers, medications) are short; one default page holds a whole clinic's.</summary>
    public const int CatalogPageSize = 100;
    public const int MaxPageSize = Domain.Patients.PatientQuery.MaxPageSize;
    public const string TotalCountHeader = "X-Total-Count";
    public const string LinkHeader = "Link";

    public static ProblemHttpResult? Check(int page, int pageSize)
    {
        if (page is < 1 or > 1_000_000)
        {
            return ApiProblems.Validation("page", "The page starts at 1.");
        }

        return pageSize is < 1 or > MaxPageSize
            ? ApiProblems.Validation("pageSize", $"The page size is between 1 and {MaxPageSize}.")
            : null;
    }

    /// <summary>One page of a list read whole, with the headers.</summary>
    public static List<T> Page<T>(HttpContext http, IReadOnlyList<T> all, int page, int pageSize)
    {
        WriteHeaders(http, page, pageSize, all.Count);
        return [.. all.Skip((page - 1) * pageSize).Take(pageSize)];
    }

    public static void WriteHeaders(HttpContext http, int page, int pageSize, int totalCount)
    {
        var last = Math.Max(1, (totalCount + pageSize - 1) / pageSize);
        var links = new List<string> { Link(http, 1, pageSize, "first") };
        if (page > 1)
        {
            links.Add(Link(http, Math.Min(page - 1, last), pageSize, "prev"));
        }

        if (page < last)
        {
            links.Add(Link(http, page + 1, pageSize, "next"));
        }

        links.Add(Link(http, last, pageSize, "last"));
        http.Response.Headers[TotalCountHeader] = totalCount.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[LinkHeader] = string.Join(", ", links);
    }

    private static string Link(HttpContext http, int page, int pageSize, string rel)
    {
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(q => q.Key is not ("page" or "pageSize"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("pageSize", (string?)pageSize.ToString(CultureInfo.InvariantCulture)));
        var request = http.Request;
        var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
        return $"<{url}>; rel=\"{rel}\"";
    }
}
