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

        return await PatientIdOfAsync(user, portal, ct) == patientId ? null : ApiProblems.NotYours();
    }

    /// <summary>The caller's own patient id, looked up by the token's user id on every request (tokens carry no patient id).</summary>
    public static Task<Guid?> PatientIdOfAsync(ClaimsPrincipal user, PatientPortalService portal, CancellationToken ct) =>
        portal.FindPatientIdAsync(user, ct);

    public static ProblemHttpResult? RequireAdmin(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? null : ApiProblems.Problem(ApiProblems.Forbidden, "Only the clinic can make this change.");
}
