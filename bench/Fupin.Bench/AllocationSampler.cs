using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Fupin.Bench;

/// <summary>
/// What a scenario allocates, by type: the runtime's allocation-tick events (one per ~100 KB allocated, naming
/// the type that crossed the mark), summed. Turned on with FUPIN_BENCH_ALLOCATIONS=1; printed to stderr.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    private long _promoted0;
    private long _promoted1;
    private int _heapStats;

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCHeapStats", StringComparison.Ordinal) == true && e.Payload is not null)
        {
            // Bytes that survived a collection of gen0 (copied or promoted into gen1) and of gen1 (into gen2).
            _promoted0 += Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("TotalPromotedSize0")], System.Globalization.CultureInfo.InvariantCulture);
            _promoted1 += Convert.ToInt64(e.Payload[e.PayloadNames!.IndexOf("TotalPromotedSize1")], System.Globalization.CultureInfo.InvariantCulture);
            _heapStats++;
            return;
        }
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is null)
        {
            return;
        }
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public void Print(TextWriter to)
    {
        to.WriteLine($"survived gen0: {_promoted0 / 1048576.0:F0} MiB, survived gen1: {_promoted1 / 1048576.0:F0} MiB over {_heapStats} collections");
        var total = _bytes.Values.Sum();
        foreach (var (type, bytes) in _bytes.OrderByDescending(x => x.Value).Take(25))
        {
            to.WriteLine($"{bytes / 1048576.0,8:F0} MiB {100.0 * bytes / Math.Max(1, total),5:F1}%  {type}");
        }
    }
}
