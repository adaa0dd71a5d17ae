using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZealthyEmr.Domain.Audit;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Components.Admin;
using ZealthyEmr.Web.Audit;

namespace ZealthyEmr.Tests.Components.Audit;

public sealed class AuditLogPageTests : AdminPageTestBase
{
    private static readonly AuditActor Staff = new("staff-id", DemoLogins.Staff, "Staff", "10.0.0.7", AuditChannel.Portal, null);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var audit = Services.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(AuditAction.SignIn, "User", "staff-id", actor: Staff);
        await audit.RecordAsync(AuditAction.AccessDenied, "Patient", null, actor: Staff);
    }

    [Fact]
    public async Task Page_ListsNewestFirst_AndFiltersByUser()
    {
        var page = await RenderAsAdminAsync<AuditLogPage>();
        page.WaitForAssertion(() => Assert.Contains("AccessDenied", FirstRow(page)));

        page.Find("input[data-testid=audit-user], [data-testid=audit-user] input").Input("staff@");

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.All(Rows(page), r => Assert.Contains(DemoLogins.Staff, r, StringComparison.Ordinal));
        // The export link follows the same filter; it re-renders on its own schedule, so wait for it as for the rows.
        page.WaitForAssertion(() => Assert.Contains("export.csv?user=staff", page.Find("[data-testid=audit-export]").GetAttribute("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ReportsAnIntactChain()
    {
        var page = await RenderAsAdminAsync<AuditLogPage>();

        page.Find("[data-testid=audit-verify]").Click();

        page.WaitForAssertion(() => Assert.Contains("intact", page.Find("[data-testid=audit-verification]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_NamesAnEditedRow()
    {
        var edited = await EditLastRowAsync();
        var page = await RenderAsAdminAsync<AuditLogPage>();

        page.Find("[data-testid=audit-verify]").Click();

        page.WaitForAssertion(() => Assert.Contains($"Row {edited} was edited", page.Find("[data-testid=audit-verification]").TextContent, StringComparison.Ordinal));
    }

    private static string FirstRow(IRenderedComponent<AuditLogPage> page) => Rows(page).FirstOrDefault() ?? "";

    private static List<string> Rows(IRenderedComponent<AuditLogPage> page) =>
        [.. page.FindAll("[data-testid=audit-grid] tbody tr").Select(r => r.TextContent).Where(t => !t.Contains("No audit events", StringComparison.Ordinal))];

    private async Task<long> EditLastRowAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var last = await db.AuditEvents.MaxAsync(e => e.Id);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE AuditEvents SET ClientAddress = '192.0.2.1' WHERE Id = {last}";
        await command.ExecuteNonQueryAsync();
        return last;
    }
}
