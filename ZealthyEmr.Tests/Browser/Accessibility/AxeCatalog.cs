using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>
/// Every routable page and every dialog, as the accessibility pass opens them. A new page or dialog must be added
/// here: <see cref="AxeCoverageTests"/> fails until it is.
/// </summary>
public static class AxeCatalog
{
    /// <summary>Dialogs checked by a journey of their own rather than here (they need an app with other settings).</summary>
    public static readonly IReadOnlyDictionary<string, string> DialogsCheckedElsewhere = new Dictionary<string, string>
    {
        ["IdleWarningDialog"] = nameof(IdleWarningAccessibilityTests),
    };

    public static readonly IReadOnlyList<AxeTarget> Targets =
    [
        new("/account/login", AxeRole.Anonymous),
        new("/account/forgot-password", AxeRole.Anonymous),
        new("/account/reset-password", AxeRole.Anonymous, "/account/reset-password?user=someone&code=abc"),
        new("/account/access-denied", AxeRole.Anonymous),
        new("/notifications/unsubscribe", AxeRole.Anonymous, "/notifications/unsubscribe?token=not-a-token"),
        new("/error", AxeRole.Anonymous),
        new("/not-found", AxeRole.Anonymous),
        new("/account/login-2fa", AxeRole.TwoFactorPending),
        new("/account/login-recovery", AxeRole.TwoFactorPending),

        new("/", AxeRole.Patient),
        new("/appointments", AxeRole.Patient,
            new AxeDialog("MoveVisitDialog", p => ClickAsync(p, "reschedule")),
            new AxeDialog("MudMessageBox", p => p.GetByRole(AriaRole.Button, new() { Name = "Cancel the visit on", Exact = false }).First.ClickAsync(), Close: "Keep it")),
        new("/prescriptions", AxeRole.Patient),
        new("/book", AxeRole.Patient),
        new("/notifications", AxeRole.Patient),
        new("/access-report", AxeRole.Patient),
        new("/account/sessions", AxeRole.Patient),
        new("/account/manage", AxeRole.Patient),
        new("/account/manage/two-factor", AxeRole.Patient),
        new("/account/manage/authenticator", AxeRole.Patient),
        new("/account/manage/passkeys", AxeRole.Patient),
        new("/account/manage/change-password", AxeRole.Patient),

        new("/admin", AxeRole.Admin,
            new AxeDialog("PatientDialog", p => ClickAsync(p, "new-patient"))),
        new("/admin/patients/{Id:guid}", AxeRole.Admin, "/admin/patients/{patient}", null,
            new AxeDialog("MoveVisitDialog", p => ClickAsync(p, "move-visit")),
            new AxeDialog("CancelVisitDialog", p => ClickAsync(p, "cancel-visit"), Close: "Keep it"),
            new AxeDialog("TemporaryPasswordDialog", p => ClickAsync(p, "set-temporary-password")),
            new AxeDialog("MudMessageBox", p => ClickAsync(p, "send-reset-link"))),
        new("/admin/patients/{Id:guid}", AxeRole.Admin, "/admin/patients/{patient}", p => TabAsync(p, "Appointment series"),
            new AxeDialog("SeriesDialog", p => ClickAsync(p, "new-series")),
            new AxeDialog("SeriesEditDialog", p => ClickAsync(p, "edit-series")),
            new AxeDialog("EndSeriesDialog", p => ClickAsync(p, "end-series"), Close: "Keep it")),
        new("/admin/patients/{Id:guid}", AxeRole.Admin, "/admin/patients/{patient}", p => TabAsync(p, "Prescriptions"),
            new AxeDialog("PrescriptionDialog", p => ClickAsync(p, "new-prescription"))),
        new("/admin/schedule", AxeRole.Admin, "/admin/schedule?date={workday}", null,
            new AxeDialog("BookSlotDialog", p => p.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Free: book ") }).First.ClickAsync()),
            new AxeDialog("VisitDetailsDialog", p => ClickAsync(p, "board-visit"), Close: "Close")),
        new("/admin/providers", AxeRole.Admin,
            new AxeDialog("ProviderDialog", p => ClickAsync(p, "provider-create"))),
        new("/admin/medications", AxeRole.Admin,
            new AxeDialog("MedicationDialog", p => ClickAsync(p, "medication-create"))),
        new("/admin/analytics", AxeRole.Admin),
        new("/admin/accounts", AxeRole.Admin),
        new("/admin/notifications", AxeRole.Admin),
        new("/admin/audit", AxeRole.Admin),

        new("/admin", AxeRole.Staff),
        new("/admin/patients/{Id:guid}", AxeRole.Staff, "/admin/patients/{patient}"),
        new("/admin/schedule", AxeRole.Staff, "/admin/schedule?date={workday}"),
    ];

    private static Task ClickAsync(IPage page, string testId) => page.GetByTestId(testId).First.ClickAsync();

    private static Task TabAsync(IPage page, string name) =>
        page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^" + Regex.Escape(name)) }).ClickAsync();
}
