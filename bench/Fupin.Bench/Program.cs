// Registry speed on a generated county, on SQLite: the figures issue #2 sets and docs/benchmarks.md records.
//   dotnet run -c Release --project bench/Fupin.Bench -- [--persons 1000000] [--db PATH] [--reuse] [--runs 50] [--write-doc]
// Import and export: see ImportBench.cs (`-- import`).
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Fupin.Web.Data;
using Fupin.Web.Features.Demo;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Stats;
using Microsoft.EntityFrameworkCore;

switch (args.FirstOrDefault())
{
    case "import":
        return await Fupin.Bench.ImportBench.RunAsync(args, FindRoot());
    case "import-child":
        return await Fupin.Bench.ImportBench.ChildAsync(args);
    case "calibrate":
        {
            // The machine's speed against the figures, on its own: `-- calibrate [--pg "Host=…"]`.
            var pgIndex = Array.IndexOf(args, "--pg");
            var dir = Path.Combine(FindRoot(), "artifacts", "bench");
            Directory.CreateDirectory(dir);
            Console.WriteLine($"probe (a million numbers hashed and sorted): {Fupin.Bench.Calibration.ProbeMilliseconds():F0} ms");
            foreach (var c in await Fupin.Bench.Calibration.RunAsync(dir, pgIndex >= 0 && pgIndex + 1 < args.Length ? args[pgIndex + 1] : null))
            {
                Console.WriteLine($"{c.What,-80} {c.Seconds,6:F2} s (issue: {c.IssueSeconds:F1} s; issue's time over this one {c.Speed:F2})");
            }
            return 0;
        }
    case "comparison":
        return await Fupin.Bench.ComparisonBench.RunAsync(args, FindRoot());
}

var persons = Arg("--persons", 1_000_000);
var runs = Arg("--runs", 50);
var reuse = args.Contains("--reuse");
var writeDoc = args.Contains("--write-doc");
var root = FindRoot();
var dbPath = ArgText("--db") ?? Path.Combine(root, "artifacts", "bench", $"fupin-{persons}.db");
Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
var today = new DateOnly(2026, 11, 24);

var settings = new DatabaseSetup.Settings(DatabaseProvider.Sqlite, $"Data Source={dbPath}");
DbContextOptions<AppDbContext> Options()
{
    var b = new DbContextOptionsBuilder<AppDbContext>();
    DatabaseSetup.Configure(b, settings);
    return b.Options;
}

var generation = "";
if (!reuse || !File.Exists(dbPath))
{
    foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
    {
        File.Delete(f);
    }
    var sw = Stopwatch.StartNew();
    await using var system = new AppDbContext(Options(), CurrentUser.System());
    await DatabaseSetup.MigrateAsync(system);
    var county = DemoCounty.Build(persons, today);
    var built = sw.Elapsed;
    await DemoCounty.WriteAsync(system, county);
    generation = $"{county.Households.Count:N0} households, {county.Members.Count:N0} people: built in {built.TotalSeconds:F1} s, written in {(sw.Elapsed - built).TotalSeconds:F1} s; file {new FileInfo(dbPath).Length / 1048576.0:F0} MiB";
    Console.WriteLine(generation);
}

// A county-office user: every query goes through the region scope filter, as in the web host.
var user = new CurrentUser();
user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(CurrentUser.RegionClaim, DemoCounty.CountyCode), new Claim(ClaimTypes.Name, "bench")], "bench")));
await using var db = new AppDbContext(Options(), user);
string sampleId;
await using (var system = new AppDbContext(Options(), CurrentUser.System()))
{
    var count = await system.Members.CountAsync();
    sampleId = await system.Members.OrderBy(m => m.Id).Skip(count / 2).Select(m => m.IdNumber).FirstAsync();
}

var results = new List<(string Name, string Target, double Median, double P95, double Max, string Note)>();
async Task Measure(string name, string target, Func<Task<string>> body)
{
    var note = await body(); // warm-up: compile queries, fill the page cache
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        db.ChangeTracker.Clear();
        var sw = Stopwatch.StartNew();
        note = await body();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var r = (name, target, times[times.Count / 2], times[(int)(times.Count * 0.95)], times[^1], note);
    results.Add(r);
    Console.WriteLine($"{name,-58} median {r.Item3,7:F2} ms  p95 {r.Item4,7:F2} ms  max {r.Item5,7:F2} ms  ({note})");
}

await Measure("Household list: township + status 未脱贫, page 1 with total", "100 ms", async () =>
{
    var page = await ListHouseholds.Handle(db, new ListHouseholds.Query { RegionCode = "460105101000", Status = HouseholdStatus.NotLifted, PageSize = 20 }, today, default);
    return $"{page.Total:N0} households";
});
await Measure("Household list: township + status 已脱贫, page 1 with total", "100 ms", async () =>
{
    var page = await ListHouseholds.Handle(db, new ListHouseholds.Query { RegionCode = "460105101000", Status = HouseholdStatus.Lifted, PageSize = 20 }, today, default);
    return $"{page.Total:N0} households";
});
await Measure("Household list: whole county, sorted by head name, page 50", "100 ms", async () =>
{
    var page = await ListHouseholds.Handle(db, new ListHouseholds.Query { Sort = "headName", Page = 50, PageSize = 20 }, today, default);
    return $"{page.Total:N0} households";
});
await Measure("Household by a member's ID number (list search)", "5 ms", async () =>
{
    var page = await ListHouseholds.Handle(db, new ListHouseholds.Query { Search = sampleId, PageSize = 20 }, today, default);
    return $"{page.Total} found";
});
await Measure("Household page by ID number: find + household with members", "5 ms", async () =>
{
    var id = await db.Members.Where(m => m.IdNumber == sampleId).Select(m => m.HouseholdId).FirstAsync();
    var h = await GetHousehold.Handle(db, id, today, default);
    return $"{h!.Members.Count} members";
});
await Measure("Dashboard summary for the county", "200 ms", async () =>
{
    var s = await RegistrySummary.Handle(db, DemoCounty.CountyCode, default);
    return $"{s!.Households:N0} households, {s.People:N0} people";
});
await Measure("Dashboard summary for one township", "200 ms", async () =>
{
    var s = await RegistrySummary.Handle(db, "460105101000", default);
    return $"{s!.Households:N0} households";
});

if (writeDoc)
{
    var doc = Path.Combine(root, "docs", "benchmarks.md");
    var machine = Machine();
    var lines = new List<string>
    {
        $"## Registry on SQLite, {persons:N0} people ({DateTime.UtcNow:yyyy-MM-dd})",
        "",
        $"Machine: {machine}",
        "",
        $"Command: `dotnet run -c Release --project bench/Fupin.Bench -- --persons {persons} --write-doc` (Release build, {runs} timed runs after one warm-up, each through the region-scope filter of a county-office user, server time: the handler the API calls, from query to DTOs).",
        "",
    };
    if (generation.Length > 0)
    {
        lines.Add($"Generated county: {generation}.");
        lines.Add("");
    }
    lines.Add("| scenario | target | median | p95 | max | result |");
    lines.Add("| --- | --- | ---: | ---: | ---: | --- |");
    lines.AddRange(results.Select(r => $"| {r.Name} | < {r.Target} | {r.Median:F2} ms | {r.P95:F2} ms | {r.Max:F2} ms | {r.Note} |"));
    lines.Add("");
    var text = File.Exists(doc) ? File.ReadAllText(doc) : "# Benchmarks\n\nFigures measured on demand with `bench/`; newest first.\n\n";
    var marker = text.IndexOf("## ", StringComparison.Ordinal);
    text = marker < 0 ? text + string.Join('\n', lines) : text[..marker] + string.Join('\n', lines) + "\n" + text[marker..];
    File.WriteAllText(doc, text);
    Console.WriteLine($"Written to {doc}");
}
return 0;

int Arg(string name, int fallback) => ArgText(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string? ArgText(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fupin.slnx")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";
    var memory = File.Exists("/proc/meminfo")
        ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim()
        : "?";
    return $"{Environment.ProcessorCount} cores ({cpu}), {memory} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite via Microsoft.Data.Sqlite";
}
