using System.Collections.Concurrent;

namespace Fupin.Web.Features.Operations;

/// <summary>Background jobs whose last run in this process failed (backup, scheduled jobs, audit sealing), for /health/ready.</summary>
public static class JobHealth
{
    private static readonly ConcurrentDictionary<string, (DateTime At, string Error)> Failing = new();

    /// <summary>A job's last run: <paramref name="error"/> null when it succeeded.</summary>
    public static void Report(string job, string? error, TimeProvider clock)
    {
        if (error is null)
        {
            Failing.TryRemove(job, out _);
        }
        else
        {
            Failing[job] = (clock.GetUtcNow().UtcDateTime, error.Length > 300 ? error[..300] : error);
        }
    }

    public static IReadOnlyDictionary<string, (DateTime At, string Error)> Snapshot() => new Dictionary<string, (DateTime, string)>(Failing);
}
