using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Web.Api.Common;

/// <summary>
/// Patient-scoped routes: the patient themself (their patient id resolved from the token's user id, never taken
/// from the client) or an Admin. Anyone else gets 403, whether or not the patient exists, so ids cannot be probed.
/// </summary>
public static class PatientAccess
{
    public static async Task<ProblemHttpResult?> CheckAsync(Guid patientId, ClaimsPrincipal user, PatientPortalService portal, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return null;
        }

        return await portal.FindPatientIdAsync(user, ct) == patientId ? null : ApiProblems.NotYours();
    }

    public static ProblemHttpResult? RequireAdmin(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? null : ApiProblems.Problem(ApiProblems.Forbidden, "Only the clinic can make this change.");
}
