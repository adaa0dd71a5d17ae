using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Tests.Domain;

public sealed class AccountEmailsTests
{
    private static readonly ClinicOptions Clinic = new() { Name = "Harbor <Clinic>", Address = "1 Main St", PortalUrl = "https://portal.example.org/" };

    private readonly AccountEmails emails = new(Options.Create(Clinic), new ClinicCalendar(Options.Create(Clinic), TimeProvider.System));

    [Fact]
    public void PasswordReset_CarriesTheLinkInBothParts_EncodedInHtml_AndNoUnsubscribe()
    {
        var email = emails.PasswordReset("pat@clinic.test", "https://portal.example.org/reset?user=1&code=a<b");

        Assert.Equal((EmailKinds.PasswordReset, "pat@clinic.test"), (email.Kind, email.To));
        Assert.Equal("Reset your Harbor <Clinic> password", email.Subject);
        Assert.Contains("https://portal.example.org/reset?user=1&code=a<b", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example.org/reset?user=1&amp;code=a&lt;b\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Harbor &lt;Clinic&gt;, 1 Main St", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailBody.UnsubscribePlaceholder, email.TextBody + email.HtmlBody, StringComparison.Ordinal);
        Assert.False(EmailKinds.IsPatientMail(email.Kind));
    }

    [Fact]
    public void SignInAlerts_NameTheDeviceAndTime_InClinicTime()
    {
        var at = new DateTimeOffset(2030, 1, 8, 17, 30, 0, TimeSpan.Zero);

        var device = emails.NewDeviceSignIn("pat@clinic.test", "Firefox on Linux", at);
        var locked = emails.LockedOut("pat@clinic.test", at);

        Assert.Equal(EmailKinds.NewDeviceSignIn, device.Kind);
        Assert.Contains("Firefox on Linux", device.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tuesday, January 8, 2030 at 9:30 AM", device.TextBody, StringComparison.Ordinal);
        Assert.Equal(EmailKinds.AccountLockedOut, locked.Kind);
        Assert.Contains("Locked until: Tuesday, January 8, 2030 at 9:30 AM", locked.TextBody, StringComparison.Ordinal);
    }
}
