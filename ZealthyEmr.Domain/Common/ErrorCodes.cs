namespace ZealthyEmr.Domain.Common;

public static class ErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Concurrency = "CONCURRENCY_CONFLICT";
    public const string DuplicateEmail = "DUPLICATE_EMAIL";
    public const string DuplicateName = "DUPLICATE_NAME";
    public const string SlotLocked = "SLOT_LOCKED";
    public const string UserConflict = "USER_CONFLICT";
    public const string ProviderConflict = "PROVIDER_CONFLICT";
    public const string InUse = "IN_USE";
    public const string StrandedVisits = "STRANDED_VISITS";
    public const string PatientArchived = "PATIENT_ARCHIVED";
}
