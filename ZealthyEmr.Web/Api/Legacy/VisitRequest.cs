using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>What a visit request means once read: the provider (from a name or an id), the start in UTC and the repeat.</summary>
public readonly record struct VisitRequest(Guid ProviderId, DateTime StartUtc, RepeatKind Repeat)
{
    public static async Task<Result<VisitRequest>> ReadAsync(
        CatalogNames names, string? provider, Guid? providerId, string providerField, string? datetime, string? repeat, ClinicCalendar calendar, CancellationToken ct)
    {
        var resolved = await names.ProviderAsync(provider, providerId, providerField, ct);
        if (!resolved.Succeeded)
        {
            return resolved.Error!;
        }

        if (!ApiTime.TryParseInstant(datetime, calendar, out var startUtc))
        {
            return DomainError.Validation(BookingRules.StartField, ApiTime.InstantHint);
        }

        return ApiEnums.TryParseRepeat(repeat, out var kind)
            ? new VisitRequest(resolved.Value, startUtc, kind)
            : DomainError.Validation("repeat", $"Repeat is one of {ApiEnums.Choices<RepeatKind>()}.");
    }
}
