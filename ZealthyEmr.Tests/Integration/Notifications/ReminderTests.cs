using System.Net;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Notifications;

namespace ZealthyEmr.Tests.Integration.Notifications;

public sealed class ReminderTests(NotificationHost host) : IClassFixture<NotificationHost>
{
    [Fact]
    public async Task VisitWithinTheLeadTime_GetsOneReminder_WithAOneClickUnsubscribe_EvenWhenPlannedAgain()
    {
        var (patient, email) = await host.App.NewPatientAsync("remind");
        var visit = await host.App.AddVisitAsync(patient, host.App.SoonUtc(3));

        var message = Assert.Single(await host.MailForAsync(email, 1));
        Assert.Equal(0, await host.Get<ReminderPlanner>().EnqueueDueAsync());

        // The sender marks the row Sent just after the SMTP server has the message; wait for that, not only the mail.
        var row = Assert.Single(await host.App.OutboxAsync(m => m.PatientId == patient));
        row = await host.App.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Sent);

        Assert.Equal((EmailKinds.VisitReminder, visit, OutboxStatus.Sent), (row.Kind, row.AboutId!.Value, row.Status));
        Assert.StartsWith("visit-reminder:", row.DedupKey, StringComparison.Ordinal);
        Assert.StartsWith("Reminder: your visit on", message.Subject, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("/api/notifications/unsubscribe?token=", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("/notifications/unsubscribe?token=", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailBody.UnsubscribePlaceholder, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClickUnsubscribe_WithoutSigningIn_TurnsVisitRemindersOff_AndTheNextOneIsHeldBack()
    {
        var (patient, email) = await host.App.NewPatientAsync("unsub");
        await host.App.AddVisitAsync(patient, host.App.SoonUtc(2));
        var first = Assert.Single(await host.MailForAsync(email, 1));
        var oneClick = new Uri((first.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));

        using var anonymous = host.App.CreateClient();
        using var response = await anonymous.PostAsync(oneClick.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preferences = await host.Get<NotificationPreferencesService>().GetAsync(patient);
        Assert.Equal((true, false, true), (preferences.EmailEnabled, preferences.VisitReminders, preferences.RefillReminders));

        await host.App.AddVisitAsync(patient, host.App.SoonUtc(5));
        var held = await WaitForKindAsync(patient, EmailKinds.VisitReminder, 2, OutboxStatus.Suppressed);
        Assert.Equal("The patient turned visit reminders off.", held.LastError);
        Assert.Single(host.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task TamperedUnsubscribeToken_IsRefused_AndChangesNothing()
    {
        using var anonymous = host.App.CreateClient();

        using var api = await anonymous.PostAsync("/api/notifications/unsubscribe?token=not-a-real-token", null);
        using var page = await anonymous.GetAsync("/notifications/unsubscribe?token=not-a-real-token");

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("invalid or has expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribePage_OnlyAsks_UntilTheButtonIsPressed()
    {
        var (patient, _) = await host.App.NewPatientAsync("page");
        var token = host.Get<UnsubscribeTokens>().Create(patient, UnsubscribeScope.RefillReminders);
        using var anonymous = host.App.CreateClient();

        using var page = await anonymous.GetAsync($"/notifications/unsubscribe?token={Uri.EscapeDataString(token)}");

        Assert.Contains("Stop refill reminder emails?", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await host.Get<NotificationPreferencesService>().GetAsync(patient)).RefillReminders);
    }

    [Fact]
    public async Task EmailTurnedOff_HoldsBackTheBookingConfirmation()
    {
        var (patient, email) = await host.App.NewPatientAsync("off");
        Assert.True((await host.Get<NotificationPreferencesService>().SaveAsync(patient, emailEnabled: false, visitReminders: true, refillReminders: true)).Succeeded);

        await host.App.AddVisitAsync(patient, host.App.SoonUtc(24 * 6), quiet: false);

        var held = await WaitForKindAsync(patient, EmailKinds.VisitBooked, 1, OutboxStatus.Suppressed);
        Assert.Equal("The patient turned email off.", held.LastError);
        Assert.DoesNotContain(host.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
    }

    [Fact]
    public async Task CancelledVisit_GetsNoReminder_AndAQueuedOneIsHeldBack()
    {
        var (patient, _) = await host.App.NewPatientAsync("cancelled");
        var start = host.App.SoonUtc(4);
        var visit = await host.App.AddVisitAsync(patient, start, VisitStatus.Cancelled);
        await host.Get<ReminderPlanner>().EnqueueDueAsync();
        Assert.Empty(await host.App.OutboxAsync(m => m.PatientId == patient));

        var reminder = host.Get<VisitEmails>().Reminder(new EmailRecipient(patient, "Cancelled", "cancelled@clinic.test"), new VisitEvent(visit, start, "Dr Kim West", false, 0), $"test:{visit}", start.AddHours(-5));
        await host.App.EnqueueAsync(reminder);

        var held = await WaitForKindAsync(patient, EmailKinds.VisitReminder, 1, OutboxStatus.Suppressed);
        Assert.Equal("The visit was cancelled, moved into the past or removed.", held.LastError);
    }

    [Fact]
    public async Task RefillWithinTheLeadDays_GetsOneReminder_AndAnEndedPrescriptionNone()
    {
        var (patient, email) = await host.App.NewPatientAsync("refill");
        var today = host.Get<ClinicCalendar>().Today;
        var due = await host.App.AddPrescriptionAsync(patient, today.AddDays(1));
        await host.App.AddPrescriptionAsync(patient, today.AddDays(1), active: false);
        await host.App.AddPrescriptionAsync(patient, today.AddDays(-30), endDate: today.AddDays(-1));
        await host.App.AddPrescriptionAsync(patient, today.AddDays(5));

        var message = Assert.Single(await host.MailForAsync(email, 1));
        await host.Get<ReminderPlanner>().EnqueueDueAsync();

        var row = Assert.Single(await host.App.OutboxAsync(m => m.PatientId == patient));
        Assert.Equal((EmailKinds.RefillReminder, due), (row.Kind, row.AboutId!.Value));
        Assert.Equal(ReminderPlanner.RefillKey(due, today.AddDays(1)), row.DedupKey);
        Assert.DoesNotContain("Metformin", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("500mg", message.TextBody, StringComparison.Ordinal);
    }

    private async Task<OutboxMessage> WaitForKindAsync(Guid patient, string kind, int count, OutboxStatus status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var rows = await host.App.OutboxAsync(m => m.PatientId == patient && m.Kind == kind);
            if (rows.Count >= count && rows.OrderBy(r => r.CreatedUtc).Last() is { } last && last.Status == status)
            {
                return last;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} {kind} rows ending {status}; have {string.Join(", ", rows.Select(r => r.Status))}.");
            await Task.Delay(50);
        }
    }
}
