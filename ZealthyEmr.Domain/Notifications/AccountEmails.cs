using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Account security messages for the Identity pages. Each returns an <see cref="OutgoingEmail"/> to enqueue with
/// <see cref="OutboxDbContextExtensions.AddOutboxMessage"/> in the same context as the change that causes it.
/// </summary>
public sealed class AccountEmails(IOptions<ClinicOptions> clinic, ClinicCalendar calendar)
{
    public OutgoingEmail PasswordReset(string email, string resetLink)
    {
        var (text, html) = Body()
            .Paragraph("Someone asked to reset the password of your patient portal account. If it was you, choose a new password here:")
            .Action("Reset your password", resetLink)
            .Paragraph("If you did not ask for this, ignore this email; your password stays as it is.")
            .Render(unsubscribable: false);
        return new OutgoingEmail(email, EmailKinds.PasswordReset, $"Reset your {clinic.Value.Name} password", text, html);
    }

    public OutgoingEmail LockedOut(string email, DateTimeOffset lockedUntil)
    {
        var (text, html) = Body()
            .Paragraph("Your patient portal account was locked after several wrong passwords.")
            .Details(("Locked until", When(lockedUntil)))
            .Paragraph("If this was not you, reset your password from the sign-in page once the lock ends.")
            .Render(unsubscribable: false);
        return new OutgoingEmail(email, EmailKinds.AccountLockedOut, $"Your {clinic.Value.Name} account was locked", text, html);
    }

    /// <summary><paramref name="device"/> is a short description such as "Firefox on Windows"; never an IP address in a subject.</summary>
    public OutgoingEmail NewDeviceSignIn(string email, string device, DateTimeOffset signedInAt)
    {
        var (text, html) = Body()
            .Paragraph("Your patient portal account was just used to sign in from a new device.")
            .Details(("Device", device), ("When", When(signedInAt)))
            .Paragraph("If this was not you, reset your password now.")
            .Render(unsubscribable: false);
        return new OutgoingEmail(email, EmailKinds.NewDeviceSignIn, $"New sign-in to your {clinic.Value.Name} account", text, html);
    }

    private EmailBody Body() => new(clinic.Value);

    private string When(DateTimeOffset at) =>
        calendar.ToLocal(at.UtcDateTime).ToString("dddd, MMMM d, yyyy 'at' h:mm tt", System.Globalization.CultureInfo.InvariantCulture) + " (clinic time)";
}
