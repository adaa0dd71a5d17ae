using MudBlazor;
using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Web.Components.Pages.Admin.Patients;

/// <summary>One confirmation for deleting a patient, shared by the grid and the drill-down.</summary>
internal static class PatientDeletion
{
    public static async Task<bool> ConfirmAndDeleteAsync(Guid patientId, PatientAdminService patients, IDialogService dialogs, ISnackbar snackbar)
    {
        var preview = await patients.PreviewDeletionAsync(patientId);
        if (preview is null)
        {
            snackbar.Add("That patient no longer exists.", Severity.Info);
            return true;
        }

        var confirmed = await dialogs.ShowMessageBoxAsync(
            $"Delete {preview.Name}?",
            $"This permanently removes {preview.Name} ({preview.Email}) with {Plural(preview.Series, "appointment series")}, " +
            $"{Plural(preview.Visits, "visit")}, {Plural(preview.Prescriptions, "prescription")}" +
            (preview.Login ? " and their portal login." : ".") + " This cannot be undone.",
            yesText: "Delete patient",
            cancelText: "Keep");
        if (confirmed != true)
        {
            return false;
        }

        var result = await patients.DeleteAsync(patientId);
        snackbar.Add(result.Succeeded ? $"{preview.Name} was deleted." : result.Error!.Message, result.Succeeded ? Severity.Success : Severity.Error);
        return result.Succeeded;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}{(noun.EndsWith('s') ? "" : "s")}";
}
