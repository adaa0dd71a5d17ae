using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Patients;

public static class PatientDashboardApi
{
    public static RouteGroupBuilder MapPatientDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/patients/{id:guid}/dashboard", GetAsync).WithTags("Patient portal").RequireAuthorization(ApiPolicies.User)
            .WithSummary("The portal dashboard: the next 7 days' visits and refills (the patient themself or an Admin)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<DashboardDto>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, PatientPortalService portal, PatientViews views, CancellationToken ct)
    {
        if (await PatientAccess.CheckAsync(id, user, portal, ct) is { } denied)
        {
            return denied;
        }

        return await portal.GetDashboardAsync(id, ct) is { } dashboard ? TypedResults.Ok(views.ToDto(dashboard)) : ApiProblems.NotFound("The patient");
    }
}
