namespace ZealthyEmr.Domain.Common;

/// <summary>An expected failure with a stable code the UI shows and the API maps to ProblemDetails.</summary>
public sealed record DomainError(string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static DomainError NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static DomainError Validation(string field, string message) =>
        new(ErrorCodes.Validation, message, new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Stale(string what) =>
        new(ErrorCodes.Concurrency, $"{what} was changed by someone else since you opened it. Reload to see the latest version, then make your change again.");
}
