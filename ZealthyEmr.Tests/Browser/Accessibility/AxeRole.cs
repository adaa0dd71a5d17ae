namespace ZealthyEmr.Tests.Browser.Accessibility;

/// <summary>Who looks at a page in the accessibility pass; each signed-in role keeps one browser context.</summary>
public enum AxeRole
{
    Anonymous,
    TwoFactorPending,
    Patient,
    Admin,
    Staff,
}
