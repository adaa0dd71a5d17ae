using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>Checks on the free text a visit carries.</summary>
public static class VisitRules
{
    public const int ReasonMaxLength = 500;
    public const string ReasonField = "reason";

    public static DomainError? Reason(string? reason, string field = ReasonField) =>
        reason is { Length: > ReasonMaxLength } ? DomainError.Validation(field, $"The reason can be at most {ReasonMaxLength} characters.") : null;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
