namespace ZealthyEmr.Web.Api.Legacy;

public static class OriginalContractServiceCollectionExtensions
{
    /// <summary>Headers a cross-origin client must be allowed to read: paging of bare arrays.</summary>
    public static readonly string[] ExposedHeaders = [BareArrayPaging.TotalCountHeader, BareArrayPaging.LinkHeader, "Allow"];

    public static IServiceCollection AddEmrOriginalContract(this IServiceCollection services)
    {
        services.AddSingleton<CatalogNames>();
        services.AddSingleton<LoginSnapshot>();
        services.AddSingleton<OriginalBooking>();
        services.AddSingleton<ApiRouteIndex>();
        return services;
    }
}
