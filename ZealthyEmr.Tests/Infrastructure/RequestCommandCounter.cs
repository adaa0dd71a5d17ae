using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// Counts the database commands run while serving requests that carry <see cref="Header"/>, by its value. Work off
/// the request (the audit writer, the outbox, reminders) has no HTTP context and is never counted, so a test can
/// compare two requests while the app's background services keep running.
/// </summary>
public sealed class RequestCommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Test-Command-Count";

    private readonly ConcurrentDictionary<string, int> counts = new();

    public int CountFor(string key) => counts.GetValueOrDefault(key);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Count(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Count(result));

    private T Count<T>(T result)
    {
        var key = http.HttpContext?.Request.Headers[Header].ToString();
        if (!string.IsNullOrEmpty(key))
        {
            counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        }

        return result;
    }
}
