using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Patients;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Web.Api.Auth;
using ZealthyEmr.Web.Api.Common;
using ZealthyEmr.Web.Api.Prescriptions;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The login answer's <c>user</c>: the original client computes its patient dashboard from it, so it carries the
/// patient's real upcoming visits and refills, read at sign-in through the portal's services.
/// </summary>
public sealed class LoginSnapshot(PatientPortalService portal, PrescriptionService prescriptions, ClinicCalendar calendar)
{
    public async Task<LoginResponse> BuildAsync(string token, DateTimeOffset expiresAt, ApiUserDto user, CancellationToken ct)
    {
        if (!Guid.TryParse(user.PatientId, out var patientId))
        {
            return new LoginResponse("Signed in.", token, expiresAt, new LoginUserDto(user.Id, user.Id, user.Email, user.Name, user.Roles, null, [], []));
        }

        var visits = await UpcomingVisitsAsync(portal, calendar, patientId, ct);
        var scripts = await ActivePrescriptionsAsync(prescriptions, patientId, ct);
        var dto = new LoginUserDto(user.PatientId!, user.Id, user.Email, user.Name, user.Roles, user.PatientId, visits, scripts);
        return new LoginResponse("Signed in.", token, expiresAt, dto);
    }

    /// <summary>Visits from now to the last day a patient may book, one object per visit.</summary>
    public static async Task<List<OriginalVisitDto>> UpcomingVisitsAsync(PatientPortalService portal, ClinicCalendar calendar, Guid patientId, CancellationToken ct)
    {
        var until = calendar.StartOfDayUtc(calendar.Today.AddMonths(calendar.BookingHorizonMonths).AddDays(1));
        return [.. (await portal.GetUpcomingVisitsAsync(patientId, until, ct)).Select(v => ToDto(v, calendar))];
    }

    public static OriginalVisitDto ToDto(PatientVisit v, ClinicCalendar calendar) =>
        new(v.VisitId, v.SeriesId, v.ProviderName, v.ProviderId, v.Specialty, calendar.ToOffset(v.StartUtc), ApiEnums.Name(v.Repeat), IsActive: true);

    /// <summary>Active prescriptions; <c>refill_on</c> is the next refill (the first one once none is left to come).</summary>
    public static async Task<List<PrescriptionDto>> ActivePrescriptionsAsync(PrescriptionService prescriptions, Guid patientId, CancellationToken ct) =>
        [.. (await prescriptions.ListForPatientAsync(patientId, ct)).Where(p => p.IsActive).Select(p => p.ToDto() with { RefillOn = p.NextRefill ?? p.FirstRefill })];
}
