using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// The statements a context sends, as sent (compiled queries have no ToQueryString), and SQLite's plan for each with
/// the same parameters: for tests that a hot query only seeks.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = [];

    /// <summary>A context on the database file at <paramref name="path"/> that records what it sends.</summary>
    public SqliteEmrDbContext Context(string path) => SqliteContexts.Open(path, this);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        return ValueTask.FromResult(result);
    }

    /// <summary>The plan's steps (EXPLAIN QUERY PLAN's detail column); run on the context's own connection, unrecorded.</summary>
    public async Task<List<string>> PlanAsync(EmrDbContext db, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
