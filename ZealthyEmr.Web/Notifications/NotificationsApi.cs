using Microsoft.AspNetCore.Http.HttpResults;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Notifications;
using ZealthyEmr.Web.Api.Common;

namespace ZealthyEmr.Web.Notifications;

/// <summary>The outbox for admins, and the RFC 8058 one-click unsubscribe target that mail clients POST to without a session.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/notifications").WithTags("Notifications (admin)").RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/", ListAsync).WithDescription("Newest first. Optional status (queued, sent, failed, suppressed), page (from 0) and pageSize (1-200, default 50).");
        admin.MapPost("/{id:guid}/resend", ResendAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Send a message again: a failed or held-back one is requeued, a sent one is copied as a new message.");

        api.MapPost("/notifications/unsubscribe", UnsubscribeAsync).AllowAnonymous().WithTags("Notifications")
            .WithSummary("One-click unsubscribe (List-Unsubscribe-Post); the signed token from the email says what to turn off.");
        return api;
    }

    private static async Task<Results<Ok<OutboxPageDto>, ProblemHttpResult>> ListAsync(
        NotificationAdminService outbox, ClinicCalendar calendar, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        OutboxStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!ApiEnums.TryParse<OutboxStatus>(status, out var parsed))
            {
                return ApiProblems.Validation("status", $"Unknown status. Use one of: {ApiEnums.Choices<OutboxStatus>()}.");
            }

            filter = parsed;
        }

        if (pageSize is < 1 or > NotificationAdminService.MaxPageSize)
        {
            return ApiProblems.Validation("pageSize", $"pageSize must be between 1 and {NotificationAdminService.MaxPageSize}.");
        }

        if (page is < 0)
        {
            return ApiProblems.Validation("page", "page starts at 0.");
        }

        var (number, size) = (page ?? 0, pageSize ?? 50);
        var result = await outbox.ListAsync(filter, number, size, ct);
        var items = result.Rows.Select(r => new OutboxMessageDto(
            r.Id.ToString(), r.Kind, r.Recipient, r.Subject, ApiEnums.Name(r.Status), r.Attempts, r.LastError,
            calendar.ToOffset(r.CreatedUtc), calendar.ToOffset(r.AvailableAtUtc), r.SentUtc is { } sent ? calendar.ToOffset(sent) : null)).ToList();
        var counts = Enum.GetValues<OutboxStatus>().ToDictionary(ApiEnums.Name, s => result.Counts.GetValueOrDefault(s));
        return TypedResults.Ok(new OutboxPageDto(items, result.Total, number, size, counts));
    }

    private static async Task<Results<Ok<ResendResultDto>, ProblemHttpResult>> ResendAsync(Guid id, NotificationAdminService outbox, CancellationToken ct)
    {
        var result = await outbox.ResendAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(new ResendResultDto(result.Value.ToString())) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> UnsubscribeAsync(string? token, NotificationPreferencesService preferences, CancellationToken ct)
    {
        var result = await preferences.UnsubscribeAsync(token, ct);
        return result.Succeeded ? TypedResults.Ok() : ApiProblems.From(result.Error!);
    }
}
