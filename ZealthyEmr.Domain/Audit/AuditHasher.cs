using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZealthyEmr.Domain.Audit;

/// <summary>SHA-256 over a row's content and the previous row's hash; the same on every provider because it is computed here, not in SQL.</summary>
public static class AuditHasher
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEvent e)
    {
        // Each field is length-prefixed so no value can imitate a separator and shift content between fields.
        var builder = new StringBuilder(256);
        Append(builder, e.Id.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.OccurredUtc.Ticks.ToString(CultureInfo.InvariantCulture));
        Append(builder, e.ActorUserId);
        Append(builder, e.ActorEmail);
        Append(builder, e.ActorRole);
        Append(builder, e.ClientAddress);
        Append(builder, e.Channel.ToString());
        Append(builder, e.Action.ToString());
        Append(builder, e.EntityType);
        Append(builder, e.EntityId);
        Append(builder, e.PatientId?.ToString("D"));
        Append(builder, e.ChangedFields);
        Append(builder, e.CorrelationId);
        Append(builder, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void Append(StringBuilder builder, string? value) =>
        builder.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
