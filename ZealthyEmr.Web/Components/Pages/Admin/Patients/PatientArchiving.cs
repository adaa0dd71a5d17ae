using MudBlazor;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>The confirmations for archiving, restoring and purging patients, shared by the grid and the drill-down.</summary>
internal static class PatientArchiving
{
    public static async Task<bool> ConfirmAndArchiveAsync(Guid patientId, PatientArchiveService archive, IDialogService dialogs, ISnackbar snackbar)
    {
        var preview = await archive.PreviewAsync(patientId);
        if (preview is null)
        {
            snackbar.Add("That patient no longer exists.", Severity.Info);
            return true;
        }

        var upcoming = preview.UpcomingVisits == 0
            ? ""
            : $" {Plural(preview.UpcomingVisits, "upcoming visit")} stay on the schedule: cancel them first if {preview.Name} will not come.";
        var confirmed = await dialogs.ShowMessageBoxAsync(
            $"Archive {preview.Name}?",
            $"{preview.Name} ({preview.Email}) is hidden from the patient list and search and can no longer sign in; open sessions end. " +
            $"Every record is kept ({Plural(preview.Series, "appointment series")}, {Plural(preview.Visits, "visit")}, " +
            $"{Plural(preview.Prescriptions, "prescription")}) and an admin can restore the patient.{upcoming}",
            yesText: "Archive patient",
            cancelText: "Keep");
        if (confirmed != true)
        {
            return false;
        }

        var result = await archive.ArchiveAsync(patientId);
        snackbar.Add(result.Succeeded ? $"{preview.Name} was archived." : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        return result.Succeeded;
    }

    public static async Task<bool> RestoreAsync(Guid patientId, string name, PatientArchiveService archive, ISnackbar snackbar)
    {
        var result = await archive.RestoreAsync(patientId);
        snackbar.Add(result.Succeeded ? $"{name} was restored and can sign in again." : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        return result.Succeeded;
    }

    public static async Task<bool> ConfirmAndPurgeAsync(PatientArchiveService archive, IDialogService dialogs, ISnackbar snackbar)
    {
        var count = await archive.CountPurgeableAsync();
        if (count == 0)
        {
            snackbar.Add($"No patient was archived before {archive.PurgeCutoffUtc:MMM d, yyyy}; nothing to purge.", Severity.Info);
            return false;
        }

        var confirmed = await dialogs.ShowMessageBoxAsync(
            "Purge archived patients?",
            $"{Plural(count, "patient")} archived before {archive.PurgeCutoffUtc:MMM d, yyyy} will be removed for good with all their visits, " +
            "series, prescriptions and logins. This cannot be undone.",
            yesText: "Purge for good",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return false;
        }

        var purged = await archive.PurgeAsync();
        snackbar.Add($"{Plural(purged.PatientIds.Count, "patient")} purged.", Severity.Success);
        return true;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}{(noun.EndsWith('s') ? "" : "s")}";
}
