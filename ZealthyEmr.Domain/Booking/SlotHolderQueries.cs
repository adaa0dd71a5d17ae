using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Appointments;

namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Who holds a slot, read inside the write lock: compiled (<see cref="PerModel{T}"/>), so the lock is not held while
/// EF builds and looks up the query.
/// </summary>
internal sealed class SlotHolderQueries
{
    // Two seeks, one in each unique slot index, rather than one OR: SQLite answers the OR from the StartUtc index,
    // reading every visit at that time (a thousand at 100,000 patients).
    public readonly Func<EmrDbContext, DateTime, Guid, Guid, IAsyncEnumerable<Holder>> Holders = EF.CompileAsyncQuery(
        (EmrDbContext db, DateTime startUtc, Guid patientId, Guid providerId) => db.Visits.AsNoTracking()
            .Where(v => v.StartUtc == startUtc && v.Status != VisitStatus.Cancelled && v.PatientId == patientId)
            .Select(v => new { v.Id, v.SeriesId, v.PatientId, v.ProviderId })
            .Concat(db.Visits.AsNoTracking()
                .Where(v => v.StartUtc == startUtc && v.Status != VisitStatus.Cancelled && v.ProviderId == providerId)
                .Select(v => new { v.Id, v.SeriesId, v.PatientId, v.ProviderId }))
            .Select(v => new Holder(v.Id, v.SeriesId, v.PatientId, v.ProviderId)));

    public static async Task<List<Holder>> ReadAsync(EmrDbContext db, DateTime startUtc, Guid patientId, Guid providerId, CancellationToken ct)
    {
        var holders = new List<Holder>();
        await foreach (var holder in PerModel<SlotHolderQueries>.For(db).Holders(db, startUtc, patientId, providerId).WithCancellation(ct))
        {
            holders.Add(holder);
        }

        return holders;
    }

    public sealed record Holder(Guid Id, Guid SeriesId, Guid PatientId, Guid ProviderId);
}
