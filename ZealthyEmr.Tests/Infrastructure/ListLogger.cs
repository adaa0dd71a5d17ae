using Microsoft.Extensions.Logging;

namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>Keeps what is logged, for tests that check a warning is (or is not) written.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(EventId Id, LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(EventId Id, LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries)
        {
            entries.Add((eventId, logLevel, formatter(state, exception)));
        }
    }
}
