using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Web.Portal;

/// <summary>A patient's own schedule as an .ics file for their calendar app; read-only, so the portal cookie suffices.</summary>
internal static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/portal/appointments.ics", GetAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Patient))
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        HttpContext http, PatientPortalService portal, ClinicCalendar calendar, CancellationToken ct)
    {
        if (await portal.FindPatientIdAsync(http.User, ct) is not { } patientId)
        {
            return TypedResults.NotFound();
        }

        var visits = await portal.GetUpcomingVisitsAsync(patientId, calendar.ToUtc(calendar.LocalNow.Date.AddMonths(3)), ct);
        var ics = new Calendar();
        ics.AddProperty("X-WR-CALNAME", "Zealthy appointments");
        foreach (var visit in visits)
        {
            ics.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.VisitId}@zealthy-emr",
                Summary = $"Visit with {visit.ProviderName}",
                Description = $"{visit.ProviderName} ({visit.Specialty})",
                DtStart = new CalDateTime(visit.StartUtc),
                DtEnd = new CalDateTime(visit.StartUtc.Add(calendar.Slot)),
            });
        }

        var body = Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(ics) ?? "");
        return TypedResults.File(body, "text/calendar; charset=utf-8", "zealthy-appointments.ics");
    }
}
