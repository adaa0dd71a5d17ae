using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

/// <summary>A change's save stores its message as facts; the sender writes the email once and keeps what it wrote.</summary>
public sealed class OutboxDraftTests() : OwnAppTestBase(new EmrAppFactory(settings: new Dictionary<string, string?> { ["Email:PollInterval"] = "01:00:00" }))
{
    // The background sender waits an hour between passes: each test runs the passes itself.
    private OutboxDispatcher Dispatcher => App.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task Booking_QueuesADraft_TheAdminListNamesThePatient_AndTheSenderWritesAndKeepsTheEmail()
    {
        var provider = await App.ProviderIdAsync("Dr Kim West");
        var (patient, email) = await App.NewPatientAsync("draft");
        var booked = await App.Services.GetRequiredService<BookingService>().BookAsync(patient, provider, await App.FreeSlotAsync(provider, daysAhead: 8));
        Assert.True(booked.Succeeded, booked.Error?.Message);

        var draft = Assert.Single(await App.OutboxAsync(m => m.PatientId == patient));
        Assert.Equal(EmailKinds.VisitBooked, draft.Kind);
        Assert.Equal(booked.Value!.VisitId, draft.AboutId);
        Assert.NotNull(draft.DraftJson);
        Assert.Equal("", draft.Recipient);
        Assert.Equal("", draft.Subject);
        // The booking's save wrote the row with its own INSERT: stamped as a tracked row would be, due at once.
        Assert.InRange(draft.CreatedUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(draft.CreatedUtc, draft.AvailableAtUtc);
        Assert.Equal(OutboxStatus.Queued, draft.Status);
        var listed = Assert.Single((await App.Services.GetRequiredService<NotificationAdminService>().ListAsync(OutboxStatus.Queued, 0, 200)).Rows, r => r.Id == draft.Id);
        Assert.Equal(email, listed.Recipient);
        Assert.Equal(NotificationAdminService.DraftSubject, listed.Subject);

        await Dispatcher.DispatchDueAsync();

        var sent = await App.WaitForRowAsync(draft.Id, r => r.Status == OutboxStatus.Sent);
        Assert.Null(sent.DraftJson);
        Assert.Equal(email, sent.Recipient);
        Assert.StartsWith("Your visit on ", sent.Subject, StringComparison.Ordinal);
        Assert.EndsWith(" is booked", sent.Subject, StringComparison.Ordinal);
        Assert.Contains("Dr Kim West", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dr Kim West", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("visit.ics", sent.AttachmentsJson, StringComparison.Ordinal);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task ADraftThatMakesNoEmail_Fails_WhileTheRestOfItsBatchGoes()
    {
        var (patient, _) = await App.NewPatientAsync("broken");
        var provider = await App.ProviderIdAsync("Dr Kim West");
        var booked = await App.Services.GetRequiredService<BookingService>().BookAsync(patient, provider, await App.FreeSlotAsync(provider, daysAhead: 9));
        Assert.True(booked.Succeeded, booked.Error?.Message);
        var good = Assert.Single(await App.OutboxAsync(m => m.PatientId == patient));
        Guid broken;
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            // A move without its previous time cannot be written.
            var row = db.AddOutboxDraft(EmailKinds.VisitMoved, patient, booked.Value!.VisitId, new ChangeDraft([new DraftVisit(booked.Value.VisitId, booked.Value.StartUtc, provider, false, 1)]));
            await db.SaveChangesAsync();
            broken = row.Id;
        }

        await Dispatcher.DispatchDueAsync();

        Assert.Equal(OutboxStatus.Sent, (await App.WaitForRowAsync(good.Id, r => r.Status != OutboxStatus.Queued || r.Attempts > 0)).Status);
        var failed = (await App.OutboxAsync(m => m.Id == broken)).Single();
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("previous time", failed.LastError, StringComparison.Ordinal);
        Assert.NotNull(failed.DraftJson);
    }
}
