using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

public sealed class TwoInstanceReminderTests
{
    private const int Reminders = 500;

    [Fact]
    public async Task TwoHostsOnOneDatabase_500DueReminders_EachArrivesExactlyOnce()
    {
        await using var smtp = new SmtpTestServer().Start();
        var settings = new Dictionary<string, string?>(smtp.Settings)
        {
            ["Notifications:QuietHours"] = "",
            ["Notifications:ScanInterval"] = "00:00:00.100",
            ["Email:BatchSize"] = "25",
        };
        var database = Path.Combine(Path.GetTempPath(), $"zealthy-two-{Guid.NewGuid():N}.db");
        try
        {
            await using var first = new EmrAppFactory(database, settings: settings);
            _ = first.Server;
            await using var second = new EmrAppFactory(database, settings: settings);
            _ = second.Server;

            await AddDueVisitsAsync(first);

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (Reminded(smtp).Count < Reminders && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            // Give a duplicate, if there were one, time to arrive too.
            await Task.Delay(1500);
            var received = Reminded(smtp);
            Assert.Equal(Reminders, received.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(Reminders, received.Count);
            Assert.Equal(Reminders, received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
            var rows = await first.OutboxAsync(m => m.Kind == EmailKinds.VisitReminder && m.Recipient.StartsWith("twohost-", StringComparison.Ordinal));
            Assert.Equal(Reminders, rows.Count);
            Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    private static List<MimeKit.MimeMessage> Reminded(SmtpTestServer smtp) =>
        [.. smtp.Received.Where(m => m.Headers["X-Zealthy-Kind"] == EmailKinds.VisitReminder && m.To.Mailboxes.Single().Address.StartsWith("twohost-", StringComparison.Ordinal))];

    /// <summary>500 patients, each with a visit in the next few hours, written at once (no confirmation emails, as for an import).</summary>
    private static async Task AddDueVisitsAsync(EmrAppFactory app)
    {
        var patients = await app.AddPatientsAsync(Reminders, "twohost");
        var provider = await app.ProviderIdAsync("Dr Kim West");
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        using var quiet = NotificationSuppression.Begin();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < patients.Count; i++)
        {
            var start = now.AddHours(2).AddSeconds(7 * i + 1);
            var series = new AppointmentSeries { PatientId = patients[i], ProviderId = provider, FirstStartLocal = start, Repeat = RepeatKind.None, MaterializedUntilUtc = start.AddMinutes(30) };
            db.AddRange(series, new Visit { SeriesId = series.Id, PatientId = patients[i], ProviderId = provider, StartUtc = start, OccurrenceUtc = start });
        }

        await db.SaveChangesAsync();
    }
}
