using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ZealthyEmr.Bench;

/// <summary>
/// A full blocking GC in the app, from outside, the way dotnet-gcdump does it: an EventPipe session that asks for the
/// GCHeapCollect keyword makes the runtime collect, and the GC keyword reports the heap's size after it (GCHeapStats).
/// </summary>
public static class AppGc
{
    /// <summary>Bytes on the managed heap (all generations, large and pinned object heaps) after a gen2 GC, or null if none was seen.</summary>
    public static async Task<long?> CollectAsync(int pid)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false, circularBufferMB: 64);
        long? heap = null;
        var fullGc = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += e => fullGc |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullGc && heap is null)
            {
                heap = e.TotalHeapSize + e.GenerationSize4;
                done.TrySetResult();
            }
        };
        var processing = Task.Run(source.Process);
        await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(15)));
        try
        {
            await session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
            // The app is gone; whatever was seen stands.
        }

        await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(5)));
        return heap;
    }
}
