using System.Globalization;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Visit messages to patients. Minimum necessary: date, time, provider and clinic; subjects carry only the date and
/// time, never a specialty, reason or note.
/// </summary>
public sealed class VisitEmails(IOptions<ClinicOptions> clinic, ClinicCalendar calendar, VisitInvitation invitation)
{
    private const int ListedVisits = 10;

    public OutgoingEmail Booked(EmailRecipient to, VisitEvent visit) => Single(
        to, visit, EmailKinds.VisitBooked, $"Your visit on {When(visit.StartUtc)} is booked", "Your visit is booked.");

    public OutgoingEmail Moved(EmailRecipient to, VisitEvent visit, DateTime previousStartUtc) => Single(
        to, visit, EmailKinds.VisitMoved, $"Your visit has moved to {When(visit.StartUtc)}", $"Your visit on {When(previousStartUtc)} has moved.");

    public OutgoingEmail Cancelled(EmailRecipient to, VisitEvent visit) => Single(
        to, visit, EmailKinds.VisitCancelled, $"Your visit on {When(visit.StartUtc)} is cancelled", "Your visit is cancelled.");

    /// <summary>One message for a whole new series, with every created visit in its calendar attachment.</summary>
    public OutgoingEmail SeriesScheduled(EmailRecipient to, IReadOnlyList<VisitEvent> visits, string repeat)
    {
        var first = visits.OrderBy(v => v.StartUtc).First();
        var body = Body(to).Paragraph($"Your recurring visits with {first.ProviderName} are scheduled ({repeat}).");
        return Series(to, visits, EmailKinds.SeriesScheduled, $"Your recurring visits start {When(first.StartUtc)}", body);
    }

    /// <summary>One message for an edit of a series: the visits it added or cancelled.</summary>
    public OutgoingEmail SeriesChanged(EmailRecipient to, IReadOnlyList<VisitEvent> visits)
    {
        var body = Body(to).Paragraph("Your recurring visits have changed. The calendar attachment updates your calendar.");
        return Series(to, visits, EmailKinds.SeriesChanged, $"Your recurring visits at {clinic.Value.Name} have changed", body);
    }

    public OutgoingEmail Reminder(EmailRecipient to, VisitEvent visit, string dedupKey, DateTime notBeforeUtc)
    {
        var (text, html) = Body(to)
            .Paragraph("A reminder of your upcoming visit.")
            .Details(Rows(visit))
            .Paragraph("If you cannot come, please cancel from the portal so someone else can have the time.")
            .Action("Open the patient portal", clinic.Value.PortalUrl)
            .Render(unsubscribable: true);
        return new OutgoingEmail(to.Email, EmailKinds.VisitReminder, $"Reminder: your visit on {When(visit.StartUtc)}", text, html)
        {
            PatientId = to.PatientId,
            AboutId = visit.VisitId,
            DedupKey = dedupKey,
            NotBeforeUtc = notBeforeUtc,
        };
    }

    public string When(DateTime utc) =>
        calendar.ToLocal(utc).ToString("ddd, MMM d 'at' h:mm tt", CultureInfo.InvariantCulture);

    private OutgoingEmail Single(EmailRecipient to, VisitEvent visit, string kind, string subject, string lead)
    {
        var (text, html) = Body(to)
            .Paragraph(lead)
            .Details(Rows(visit))
            .Action("Open the patient portal", clinic.Value.PortalUrl)
            .Render(unsubscribable: true);
        return new OutgoingEmail(to.Email, kind, subject, text, html)
        {
            PatientId = to.PatientId,
            AboutId = visit.VisitId,
            Attachments = invitation.Attachments(to.Email, [visit]),
        };
    }

    private OutgoingEmail Series(EmailRecipient to, IReadOnlyList<VisitEvent> visits, string kind, string subject, EmailBody body)
    {
        var ordered = visits.OrderBy(v => v.StartUtc).ToList();
        var rows = ordered.Take(ListedVisits)
            .Select(v => (v.Cancelled ? "Cancelled" : "Scheduled", $"{When(v.StartUtc)} with {v.ProviderName}"))
            .ToArray();
        body.Details(rows);
        if (ordered.Count > ListedVisits)
        {
            body.Paragraph($"… and {ordered.Count - ListedVisits} more, all in the calendar attachment.");
        }

        var (text, html) = body.Action("Open the patient portal", clinic.Value.PortalUrl).Render(unsubscribable: true);
        return new OutgoingEmail(to.Email, kind, subject, text, html)
        {
            PatientId = to.PatientId,
            Attachments = invitation.Attachments(to.Email, ordered),
        };
    }

    private (string, string)[] Rows(VisitEvent visit) =>
    [
        ("When", calendar.ToLocal(visit.StartUtc).ToString("dddd, MMMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture)),
        ("Provider", visit.ProviderName),
        ("Clinic", string.IsNullOrWhiteSpace(clinic.Value.Address) ? clinic.Value.Name : $"{clinic.Value.Name}, {clinic.Value.Address}"),
    ];

    private EmailBody Body(EmailRecipient to) => new EmailBody(clinic.Value).Greeting(to.Name);
}
