using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Prescriptions;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Reads one save's tracked changes into what patients should hear about. Visits added by the horizon service
/// (their series only had its materialised horizon moved) are not news; nor are completed visits or notes.
/// </summary>
internal sealed class ChangeSet
{
    public List<VisitChange> Visits { get; } = [];

    public List<Prescription> Prescriptions { get; } = [];

    public Dictionary<Guid, AppointmentSeries> NewSeries { get; } = [];

    /// <summary>Series whose end, status or existence changed in this save: their visit changes make one message.</summary>
    public HashSet<Guid> EditedSeries { get; } = [];

    public bool IsEmpty => Visits.Count == 0 && Prescriptions.Count == 0;

    public static ChangeSet Read(ChangeTracker tracker, DateTime nowUtc)
    {
        var set = new ChangeSet();
        var visits = new List<EntityEntry<Visit>>();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case AppointmentSeries series when entry.State == EntityState.Added:
                    set.NewSeries[series.Id] = series;
                    break;
                case AppointmentSeries series when entry.State == EntityState.Deleted
                    || (entry.State == EntityState.Modified && (entry.Property(nameof(AppointmentSeries.EndDate)).IsModified || entry.Property(nameof(AppointmentSeries.Status)).IsModified)):
                    set.EditedSeries.Add(series.Id);
                    break;
                case Visit visit when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    visits.Add(tracker.Context.Entry(visit));
                    break;
                case Prescription prescription when entry.State == EntityState.Added:
                    set.Prescriptions.Add(prescription);
                    break;
            }
        }

        foreach (var entry in visits)
        {
            if (Classify(set, entry, nowUtc) is { } change)
            {
                set.Visits.Add(change);
            }
        }

        return set;
    }

    private static VisitChange? Classify(ChangeSet set, EntityEntry<Visit> entry, DateTime nowUtc)
    {
        var visit = entry.Entity;
        VisitChange Change(VisitChangeKind kind, DateTime previous) =>
            new(visit.Id, visit.SeriesId, visit.PatientId, visit.ProviderId, visit.StartUtc, kind, previous, entry.State == EntityState.Deleted);

        switch (entry.State)
        {
            case EntityState.Added when visit.Status == VisitStatus.Scheduled
                && (set.NewSeries.ContainsKey(visit.SeriesId) || set.EditedSeries.Contains(visit.SeriesId)):
                return Change(VisitChangeKind.Added, visit.StartUtc);
            case EntityState.Deleted when visit.Status == VisitStatus.Scheduled && visit.StartUtc > nowUtc:
                return Change(VisitChangeKind.Cancelled, visit.StartUtc);
            case EntityState.Modified:
                var status = entry.Property(v => v.Status);
                if (status.IsModified && visit.Status == VisitStatus.Cancelled && status.OriginalValue != VisitStatus.Cancelled)
                {
                    return Change(VisitChangeKind.Cancelled, visit.StartUtc);
                }

                var start = entry.Property(v => v.StartUtc);
                return start.IsModified && visit.Status == VisitStatus.Scheduled && start.OriginalValue != visit.StartUtc
                    ? Change(VisitChangeKind.Moved, start.OriginalValue)
                    : null;
            default:
                return null;
        }
    }
}
