using Zxcvbn;
using Zxcvbn.Matcher;

namespace ZealthyEmr.Domain.Accounts;

/// <summary>
/// Says why zxcvbn scored a password low, from the patterns it matched (this zxcvbn port has no feedback text).
/// </summary>
internal static class PasswordWeakness
{
    public static IReadOnlyList<string> Reasons(IEnumerable<Match> matches)
    {
        var reasons = new List<string>();
        foreach (var match in matches)
        {
            var reason = match switch
            {
                DictionaryMatch { DictionaryName: "user_inputs" } => "it contains your name or email",
                DictionaryMatch { DictionaryName: "passwords" } => "it contains a very common password",
                DictionaryMatch => "it is made of common words or names",
                SpatialMatch => "it follows a keyboard pattern",
                RepeatMatch => "it repeats characters",
                SequenceMatch => "it contains a sequence such as abc or 123",
                DateMatch => "it contains a date",
                _ when match.Pattern is "year" => "it contains a year",
                _ when match.Pattern is "digits" => "it relies on a run of digits",
                _ => null,
            };
            if (reason is not null && !reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add("it is too short for the characters it uses");
        }

        return reasons;
    }
}
