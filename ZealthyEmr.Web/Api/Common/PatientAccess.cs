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

    /// <summary>The caller's own patient id, from the database on every request (tokens carry no patient id; the token check reads it with the user).</summary>
    public static Task<Guid?> PatientIdOfAsync(ClaimsPrincipal user, PatientPortalService portal, CancellationToken ct) =>
        portal.FindPatientIdAsync(user, ct);

    /// <summary>Scheduling routes: the patient themself, or the front desk (Staff) and Admins for any patient.</summary>
    public static async Task<ProblemHttpResult?> CheckSchedulingAsync(Guid patientId, ClaimsPrincipal user, PatientPortalService portal, CancellationToken ct) =>
        IsFrontDesk(user) ? null : await CheckAsync(patientId, user, portal, ct);

    /// <summary>Staff and Admins: the people who book, move and cancel for any patient.</summary>
    public static bool IsFrontDesk(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Staff);

    public static ProblemHttpResult? RequireFrontDesk(ClaimsPrincipal user) =>
        IsFrontDesk(user) ? null : ApiProblems.Problem(ApiProblems.Forbidden, "Only the clinic's front desk can make this change.");

    public static ProblemHttpResult? RequireAdmin(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? null : ApiProblems.Problem(ApiProblems.Forbidden, "Only the clinic can make this change.");
}
