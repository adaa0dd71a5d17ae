using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ZealthyEmr.Domain.Data;

/// <summary>Providers hand DateTime back as Unspecified; every *Utc column is UTC by contract.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
