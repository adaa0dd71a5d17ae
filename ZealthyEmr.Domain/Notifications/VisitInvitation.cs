using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// The .ics attachments of a visit email: METHOD:REQUEST for booked or moved visits and METHOD:CANCEL for
/// cancelled ones, each event with the visit's stable UID and its current SEQUENCE. A message stores the invitation;
/// the sender renders it (profiling showed Ical.Net's serializer was the largest single cost inside a booking's save).
/// </summary>
public sealed class VisitInvitation(IOptions<ClinicOptions> clinic, IOptions<EmailOptions> email, ClinicCalendar calendar)
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public IReadOnlyList<EmailAttachment> Attachments(string patientEmail, IReadOnlyList<VisitEvent> visits)
    {
        var attachments = new List<EmailAttachment>();
        var requests = visits.Where(v => !v.Cancelled).ToList();
        var cancels = visits.Where(v => v.Cancelled).ToList();
        if (requests.Count > 0)
        {
            attachments.Add(Attachment("visit.ics", Request, patientEmail, requests));
        }

        if (cancels.Count > 0)
        {
            attachments.Add(Attachment(requests.Count > 0 ? "cancelled.ics" : "visit.ics", Cancel, patientEmail, cancels));
        }

        return attachments;
    }

    private static EmailAttachment Attachment(string fileName, string method, string patientEmail, IReadOnlyList<VisitEvent> visits) =>
        new(fileName, $"text/calendar; method={method}; charset=utf-8", "", new CalendarInvitation(method, patientEmail, visits));

    /// <summary>The .ics text of <paramref name="invitation"/>; <paramref name="stampUtc"/> is its DTSTAMP (when the message was created).</summary>
    public string Render(CalendarInvitation invitation, DateTime stampUtc)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var ics = new Calendar { Method = invitation.Method };
        var location = string.IsNullOrWhiteSpace(clinic.Value.Address) ? clinic.Value.Name : $"{clinic.Value.Name}, {clinic.Value.Address}";
        foreach (var visit in invitation.Visits)
        {
            var e = new CalendarEvent
            {
                Uid = visit.Uid,
                Sequence = visit.Sequence,
                Summary = $"Visit with {visit.ProviderName}",
                Location = location,
                DtStart = new CalDateTime(DateTime.SpecifyKind(visit.StartUtc, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(visit.StartUtc.Add(calendar.Slot), DateTimeKind.Utc)),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc)),
                Status = visit.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Organizer = new Organizer($"mailto:{email.Value.From}") { CommonName = clinic.Value.Name },
            };
            e.Attendees.Add(new Attendee($"mailto:{invitation.PatientEmail}") { Role = "REQ-PARTICIPANT" });
            ics.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(ics) ?? "";
    }
}
