using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// The one place patient emails about changes are decided: every save that books, moves or cancels a visit,
/// creates or edits a series or creates a prescription adds its outbox rows to the same save, so the email
/// commits or rolls back with the change, and no service has to remember to send it.
/// </summary>
internal sealed class ChangeNotificationInterceptor(ChangeMessageWriter writer, ClinicCalendar calendar) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Read(eventData.Context) is { } found)
        {
            writer.WriteAsync(found.Db, found.Changes, isAsync: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Read(eventData.Context) is { } found)
        {
            await writer.WriteAsync(found.Db, found.Changes, isAsync: true, cancellationToken);
        }

        return result;
    }

    private (EmrDbContext Db, ChangeSet Changes)? Read(DbContext? context)
    {
        if (context is not EmrDbContext db || NotificationSuppression.IsActive)
        {
            return null;
        }

        var changes = ChangeSet.Read(db.ChangeTracker, calendar.UtcNow);
        return changes.IsEmpty ? null : (db, changes);
    }
}
