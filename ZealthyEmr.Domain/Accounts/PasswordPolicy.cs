namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// NIST SP 800-63B: a minimum length and a check against guessable passwords, no composition rules.
/// Strength is zxcvbn's estimate, which also penalises the user's own name and email.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    /// <summary>Long enough for any passphrase a person would type, short enough to bound the hashing and scoring work.</summary>
    public const int MaximumLength = 256;

    /// <summary>zxcvbn's "safely unguessable" (about 10^8 guesses or more).</summary>
    public const int MinimumScore = 3;

    /// <summary>zxcvbn's own recommendation: past this its matching gets slow and adds nothing.</summary>
    private const int ScoredLength = 100;

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Problem(string? password, IEnumerable<string?> personalInputs)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"Use at least {MinimumLength} characters; a few unrelated words make a good passphrase.";
        }

        if (password.Length > MaximumLength)
        {
            return $"Use at most {MaximumLength} characters.";
        }

        var result = Zxcvbn.Zxcvbn.MatchPassword(password[..Math.Min(password.Length, ScoredLength)], PersonalWords(personalInputs));
        return result.Score >= MinimumScore
            ? null
            : "This password is too easy to guess: " + string.Join("; ", PasswordWeakness.Reasons(result.MatchSequence)) + ". Add more unrelated words.";
    }

    /// <summary>The whole inputs and their parts (name words, the email's local part and domain words), lower-cased.</summary>
    private static List<string> PersonalWords(IEnumerable<string?> personalInputs)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in personalInputs.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            var lower = input!.Trim().ToLowerInvariant();
            words.Add(lower);
            foreach (var part in lower.Split([' ', '@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length >= 3)
                {
                    words.Add(part);
                }
            }
        }

        return [.. words];
    }
}
