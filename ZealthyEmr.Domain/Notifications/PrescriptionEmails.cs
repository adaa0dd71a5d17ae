using System.Globalization;
using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>Prescription messages to patients: the medication's name only in the body, never its strength, and neither in a subject.</summary>
public sealed class PrescriptionEmails(IOptions<ClinicOptions> clinic)
{
    public OutgoingEmail Created(EmailRecipient to, Guid prescriptionId, string medication, DateOnly firstRefill)
    {
        var (text, html) = new EmailBody(clinic.Value).Greeting(to.Name)
            .Paragraph("A new prescription was added to your record.")
            .Details(("Medication", medication), ("First refill", Day(firstRefill)))
            .Action("See your prescriptions", $"{clinic.Value.PortalUrl.TrimEnd('/')}/prescriptions")
            .Render(unsubscribable: true);
        return new OutgoingEmail(to.Email, EmailKinds.PrescriptionCreated, $"A new prescription is on your {clinic.Value.Name} record", text, html)
        {
            PatientId = to.PatientId,
            AboutId = prescriptionId,
        };
    }

    public OutgoingEmail RefillReminder(EmailRecipient to, Guid prescriptionId, string medication, DateOnly refill, string dedupKey, DateTime notBeforeUtc)
    {
        var (text, html) = new EmailBody(clinic.Value).Greeting(to.Name)
            .Paragraph("A reminder that one of your prescriptions is due for a refill.")
            .Details(("Medication", medication), ("Refill date", Day(refill)))
            .Action("See your prescriptions", $"{clinic.Value.PortalUrl.TrimEnd('/')}/prescriptions")
            .Render(unsubscribable: true);
        return new OutgoingEmail(to.Email, EmailKinds.RefillReminder, $"Reminder: a refill is due {refill.ToString("ddd, MMM d", CultureInfo.InvariantCulture)}", text, html)
        {
            PatientId = to.PatientId,
            AboutId = prescriptionId,
            DedupKey = dedupKey,
            NotBeforeUtc = notBeforeUtc,
        };
    }

    private static string Day(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture);
}
