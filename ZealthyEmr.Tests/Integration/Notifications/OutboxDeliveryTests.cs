using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Notifications;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Enqueue_InCommittedTransaction_ArrivesOverSmtp_WithBothPartsAttachmentAndRowMessageId()
    {
        await using var smtp = new SmtpTestServer().Start();
        await using var app = new EmrAppFactory(settings: smtp.Settings);
        var to = $"{Guid.NewGuid():N}@clinic.test";
        Guid id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            id = db.AddOutboxMessage(OutboxProbe.Email(to) with { Attachments = [new EmailAttachment("visit.ics", "text/calendar; method=REQUEST; charset=utf-8", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")] }).Id;
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var row = await app.WaitForRowAsync(id, r => r.Status == OutboxStatus.Sent);
        var message = Assert.Single(smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == to));
        Assert.Equal($"{id:N}@zealthy-emr.local", message.MessageId);
        Assert.Equal("Plain text body", message.TextBody?.Trim());
        Assert.Contains("HTML body", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("visit.ics", attachment.FileName);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentUtc);
    }

    [Fact]
    public async Task Enqueue_InRolledBackTransaction_LeavesNoRow()
    {
        await using var app = new EmrAppFactory();
        var to = $"{Guid.NewGuid():N}@clinic.test";
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AddOutboxMessage(OutboxProbe.Email(to));
            await db.SaveChangesAsync();
            Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Recipient == to).ToListAsync());
            await tx.RollbackAsync();
        }

        Assert.Empty(await app.OutboxAsync(m => m.Recipient == to));
    }

    [Fact]
    public async Task SmtpDown_MessageWaitsAndRetries_ThenArrivesOnceWhenServerIsBack()
    {
        var smtp = new SmtpTestServer();
        await using var _ = smtp;
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>(smtp.Settings) { ["Email:MaxAttempts"] = "50" });
        var row = await app.EnqueueAsync(OutboxProbe.Email($"{Guid.NewGuid():N}@clinic.test"));

        var waiting = await app.WaitForRowAsync(row.Id, r => r.Attempts >= 3);
        Assert.Equal(OutboxStatus.Queued, waiting.Status);
        Assert.False(string.IsNullOrEmpty(waiting.LastError));

        smtp.Start();
        var sent = await app.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Sent);
        Assert.Single(smtp.Received, m => m.MessageId == $"{row.Id:N}@zealthy-emr.local");
        Assert.Null(sent.LastError);
        Assert.True(sent.Attempts > 3);
    }

    [Fact]
    public async Task ServerRefusesEveryTime_MessageEndsFailed_AfterExactlyMaxAttempts()
    {
        await using var smtp = new SmtpTestServer { RejectAll = true }.Start();
        await using var app = new EmrAppFactory(settings: new Dictionary<string, string?>(smtp.Settings) { ["Email:MaxAttempts"] = "3" });
        var row = await app.EnqueueAsync(OutboxProbe.Email($"{Guid.NewGuid():N}@clinic.test"));

        var failed = await app.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Failed);
        await Task.Delay(300);
        failed = (await app.OutboxAsync(m => m.Id == row.Id)).Single();
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("rejected by the test", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task NoSmtpHost_WritesAnEmlFile_NamedByMessageId()
    {
        await using var app = new EmrAppFactory();
        var row = await app.EnqueueAsync(OutboxProbe.Email($"{Guid.NewGuid():N}@clinic.test"));

        await app.WaitForRowAsync(row.Id, r => r.Status == OutboxStatus.Sent);
        var path = Path.Combine(app.MailDirectory, $"{row.Id:N}@zealthy-emr.local.eml");
        var message = await MimeMessage.LoadAsync(path);
        Assert.Equal("Your visit on Monday", message.Subject);
    }

    [Fact]
    public async Task ABatchOfMessages_IsMarkedSentInGroups_EachOnceWithOneAttempt()
    {
        await using var app = new EmrAppFactory();
        var ids = new List<Guid>();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync())
        {
            // One commit, so the sender claims all 25 in one pass and marks them in groups (10, 10, 5).
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < 25; i++)
            {
                ids.Add(db.AddOutboxMessage(OutboxProbe.Email($"{Guid.NewGuid():N}@clinic.test")).Id);
            }

            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        foreach (var id in ids)
        {
            var row = await app.WaitForRowAsync(id, r => r.Status == OutboxStatus.Sent);
            Assert.Equal(1, row.Attempts);
            Assert.NotNull(row.SentUtc);
            Assert.Null(row.ClaimToken);
            Assert.True(File.Exists(Path.Combine(app.MailDirectory, $"{id:N}@zealthy-emr.local.eml")));
        }
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(12, 3600)]
    public void Backoff_DoublesFromTheBase_UpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxDispatcher.Backoff(new EmailOptions(), attempts));
}
