using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Data.Configurations;
using ZealthyEmr.Tests.Infrastructure;

namespace ZealthyEmr.Tests.Integration.Booking;

/// <summary>
/// Every booking reads who holds its slot inside the write lock, so the read may only seek: one seek in each unique
/// slot index. An OR of the two read every visit at that time (a thousand at 100,000 patients).
/// </summary>
public sealed class SlotHolderQueryPlanTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task TheSlotCheck_FindsTheHolder_WithOneSeekInEachSlotIndex()
    {
        Visit held;
        await using (var seeded = await database.CreateDbContextAsync())
        {
            held = await seeded.Visits.AsNoTracking().Where(v => v.Status == VisitStatus.Scheduled).OrderBy(v => v.StartUtc).FirstAsync();
        }

        var sent = new SqlCapture();
        await using var db = sent.Context(database.App.DatabasePath);
        var byPatient = await SlotHolderQueries.ReadAsync(db, held.StartUtc, held.PatientId, Guid.NewGuid(), CancellationToken.None);
        var byProvider = await SlotHolderQueries.ReadAsync(db, held.StartUtc, Guid.NewGuid(), held.ProviderId, CancellationToken.None);
        var free = await SlotHolderQueries.ReadAsync(db, held.StartUtc.AddYears(30), held.PatientId, held.ProviderId, CancellationToken.None);

        Assert.Equal(held.Id, Assert.Single(byPatient).Id);
        Assert.Equal(held.Id, Assert.Single(byProvider).Id);
        Assert.Empty(free);
        var (sql, parameters) = sent.Commands[0];
        var plan = await sent.PlanAsync(db, sql, parameters);
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains(VisitConfiguration.PatientSlotIndex, StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains(VisitConfiguration.ProviderSlotIndex, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
