namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// Claims put on the sign-in cookie for what the user must do before using the portal. They are re-issued when the
/// user fixes the cause (the cookie is refreshed) and when the security stamp is revalidated.
/// </summary>
public static class AccountClaims
{
    public const string MustChangePassword = "emr:must_change_password";
    public const string TwoFactorEnrolmentRequired = "emr:two_factor_enrolment_required";
}
