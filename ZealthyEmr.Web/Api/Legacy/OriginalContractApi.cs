namespace ZealthyEmr.Web.Api.Legacy;

public static class OriginalContractApi
{
    /// <summary>The original contract's routes that ours lacks, and the catch-all that must come with the API.</summary>
    public static RouteGroupBuilder MapOriginalContractApi(this RouteGroupBuilder api)
    {
        api.MapOriginalPortalApi();
        api.MapOriginalAdminAppointmentsApi();
        api.MapOriginalAdminPrescriptionsApi();
        api.MapApiFallback();
        return api;
    }
}
