using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Domain.Prescriptions;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

public sealed class ChangeEmailTests(NotificationHost host) : IClassFixture<NotificationHost>
{
    [Fact]
    public async Task BookMoveCancel_EachEmailUpdatesOneCalendarEvent_WithRisingSequence_AndCancelLast()
    {
        var (patient, email) = await host.App.NewPatientAsync("ics");
        var provider = await host.App.ProviderIdAsync("Dr Kim West");
        var first = await host.App.FreeSlotAsync(provider, daysAhead: 8);
        var second = await host.App.FreeSlotAsync(provider, daysAhead: 9, index: 1);

        var booked = await host.Get<BookingService>().BookAsync(patient, provider, first);
        Assert.True(booked.Succeeded, booked.Error?.Message);
        var moved = await host.Get<VisitRescheduler>().MoveAsync(new VisitMove(booked.Value!.VisitId, provider, second));
        Assert.True(moved.Succeeded, moved.Error?.Message);
        var cancelled = await host.Get<VisitService>().CancelAsync(booked.Value.VisitId, patient);
        Assert.True(cancelled.Succeeded, cancelled.Error?.Message);

        var mail = (await host.MailForAsync(email, 3)).OrderBy(m => Kind(m) switch { EmailKinds.VisitBooked => 0, EmailKinds.VisitMoved => 1, _ => 2 }).ToList();
        Assert.Equal([EmailKinds.VisitBooked, EmailKinds.VisitMoved, EmailKinds.VisitCancelled], mail.Select(Kind));
        var events = mail.Select(Invitation).ToList();
        Assert.All(events, c => Assert.Equal($"{booked.Value.VisitId}@zealthy-emr", Assert.Single(c.Events).Uid));
        Assert.Equal([0, 1, 2], events.Select(c => c.Events.Single().Sequence));
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], events.Select(c => c.Method));
        Assert.Equal(first, events[0].Events.Single().DtStart!.AsUtc);
        Assert.Equal(second, events[1].Events.Single().DtStart!.AsUtc);
        Assert.Equal("CANCELLED", events[2].Events.Single().Status);
        // The sender renders each stored invitation; its DTSTAMP is the message's creation time, so a retry sends the same calendar data.
        Assert.All(mail.Zip(events), pair => Assert.Equal(pair.First.Date.UtcDateTime, pair.Second.Events.Single().DtStamp!.AsUtc));
        Assert.All(mail, m => Assert.DoesNotContain("Family Medicine", m.Subject, StringComparison.Ordinal));
        Assert.All(mail, m => Assert.False(string.IsNullOrWhiteSpace(m.TextBody)));
        Assert.All(mail, m => Assert.Contains("Dr Kim West", m.HtmlBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeriesCreated_SendsOneEmail_WithEveryVisitInItsCalendar()
    {
        var (patient, email) = await host.App.NewPatientAsync("series");
        var provider = await host.App.ProviderIdAsync("Dr Lin James");
        var calendar = host.Get<ClinicCalendar>();
        var start = calendar.ToLocal(await host.App.FreeSlotAsync(provider, daysAhead: 10, index: 3));

        var created = await host.Get<SeriesService>().CreateAsync(new SeriesInput(patient, provider, start, RepeatKind.Weekly, DateOnly.FromDateTime(start).AddDays(35)));
        Assert.True(created.Succeeded, created.Error?.Message);

        var message = Assert.Single(await host.MailForAsync(email, 1));
        await Task.Delay(500);
        Assert.Single(host.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal(EmailKinds.SeriesScheduled, Kind(message));
        var ics = Invitation(message);
        Assert.Equal(6, ics.Events.Count);
        Assert.Equal("REQUEST", ics.Method);
    }

    [Fact]
    public async Task HorizonServiceAddingVisits_SendsNothing()
    {
        var (patient, _) = await host.App.NewPatientAsync("horizon");
        var provider = await host.App.ProviderIdAsync("Dr Sally Field");
        var start = host.Get<ClinicCalendar>().ToLocal(await host.App.FreeSlotAsync(provider, daysAhead: 7, index: 5));
        var series = (await host.Get<SeriesService>().CreateAsync(new SeriesInput(patient, provider, start, RepeatKind.Weekly))).Value;
        await using (var db = await host.Get<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            // Undo the last months of materialisation, as if the horizon had not reached them yet.
            var cut = host.Get<ClinicCalendar>().UtcNow.AddMonths(2);
            await db.Visits.Where(v => v.SeriesId == series && v.StartUtc > cut).ExecuteDeleteAsync();
            await db.AppointmentSeries.Where(s => s.Id == series).ExecuteUpdateAsync(s => s.SetProperty(x => x.MaterializedUntilUtc, cut));
        }

        var horizon = host.App.Services.GetServices<IHostedService>().OfType<VisitHorizonService>().Single();
        Assert.True(await horizon.ExtendAsync(CancellationToken.None) > 0);

        var rows = await host.App.OutboxAsync(m => m.PatientId == patient);
        Assert.Equal([EmailKinds.SeriesScheduled], rows.Select(r => r.Kind));
    }

    [Fact]
    public async Task PrescriptionCreated_EmailsThePatient_WithoutMedicationOrStrengthInTheSubject()
    {
        var (patient, email) = await host.App.NewPatientAsync("rx");
        await using var db = await host.Get<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var medication = await db.Medications.FirstAsync(m => m.Name == "Lexapro");

        var created = await host.Get<PrescriptionService>().CreateAsync(patient, new PrescriptionInput(medication.Id, "10mg", 30, host.Get<ClinicCalendar>().Today.AddDays(20), RefillSchedule.Monthly));
        Assert.True(created.Succeeded, created.Error?.Message);

        var message = Assert.Single(await host.MailForAsync(email, 1));
        Assert.Equal(EmailKinds.PrescriptionCreated, Kind(message));
        Assert.DoesNotContain("Lexapro", message.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("10mg", message.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("10mg", message.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Lexapro", message.TextBody, StringComparison.Ordinal);
    }

    private static string Kind(MimeMessage message) => message.Headers["X-Zealthy-Kind"] ?? "";

    private static Calendar Invitation(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<TextPart>(), p => p.ContentType.MimeType == "text/calendar");
        return Calendar.Load(part.Text)!;
    }
}
