using System.Globalization;
using System.Text;

namespace ZealthyEmr.Domain.Audit;

/// <summary>CSV of audit rows (RFC 4180 quoting), times in UTC ISO 8601 so the file means the same everywhere.</summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "Id", "OccurredUtc", "ActorUserId", "ActorEmail", "ActorRole", "ClientAddress", "Channel", "Action",
        "EntityType", "EntityId", "PatientId", "PatientName", "ChangedFields", "CorrelationId", "PreviousHash", "Hash",
    ];

    public static string Write(IEnumerable<AuditRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var r in rows)
        {
            string?[] fields =
            [
                r.Id.ToString(CultureInfo.InvariantCulture), r.OccurredUtc.ToString("O", CultureInfo.InvariantCulture), r.ActorUserId, r.ActorEmail,
                r.ActorRole, r.ClientAddress, r.Channel.ToString(), r.Action.ToString(), r.EntityType, r.EntityId, r.PatientId?.ToString(),
                r.PatientName, r.ChangedFields, r.CorrelationId, r.PreviousHash, r.Hash,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading formula character is neutralised so the file is safe to open in a spreadsheet.
        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || safe != value ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
