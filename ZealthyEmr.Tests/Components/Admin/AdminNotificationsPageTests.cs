using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Web.Notifications;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class AdminNotificationsPageTests : AdminPageTestBase
{
    [Fact]
    public async Task FailedMessage_ShowsItsError_AndResendAfterConfirmingQueuesItAgain()
    {
        var id = await AddFailedAsync("failed@clinic.test", "550 mailbox unavailable");
        var page = await RenderAsAdminAsync<AdminNotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("550 mailbox unavailable", page.Markup, StringComparison.Ordinal));
        Assert.Contains("failed@clinic.test", page.Find("[data-testid=notification-recipient]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=notification-resend]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Send this message again to failed@clinic.test?", Dialogs.Markup, StringComparison.Ordinal));
        DialogButton("Resend").Click();

        page.WaitForAssertion(() => Assert.Equal("Queued", page.Find("[data-testid=notification-status]").TextContent.Trim()));
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var row = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id);
        Assert.Equal((OutboxStatus.Queued, 0, (string?)null), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task ResendCancelled_ChangesNothing()
    {
        var id = await AddFailedAsync("keep@clinic.test", "timeout");
        var page = await RenderAsAdminAsync<AdminNotificationsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=notification-resend]"));

        page.Find("[data-testid=notification-resend]").Click();
        Dialogs.WaitForAssertion(() => DialogButton("Cancel"));
        DialogButton("Cancel").Click();
        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("Send this message again", Dialogs.Markup, StringComparison.Ordinal));

        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        Assert.Equal(OutboxStatus.Failed, (await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id)).Status);
    }

    private async Task<Guid> AddFailedAsync(string to, string error)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var row = db.AddOutboxMessage(new OutgoingEmail(to, EmailKinds.VisitBooked, "Your visit", "text", "<p>html</p>"));
        row.Status = OutboxStatus.Failed;
        row.Attempts = 6;
        row.LastError = error;
        await db.SaveChangesAsync();
        return row.Id;
    }
}
