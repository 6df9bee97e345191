// Comparison round and lights over a generated county (issue #6): a registry of --persons people, department
// rosters of every kind with a medical-insurance roster of about a million rows, one round with every rule
// (findings written), the same round again (nothing new), and every household's light recomputed.
//   dotnet run -c Release --project bench/Fupin.Bench -- comparison [--persons 1000000] [--pg "Host=…;Username=postgres"] [--write-doc]
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Fupin.Web.Data;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Demo;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fupin.Bench;

public static class ComparisonBench
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private sealed record Result(string Provider, string Scenario, double Seconds, string Note);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);
    }

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var persons = Int(args, "--persons", 1_000_000);
        var pg = Text(args, "--pg");
        var dir = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(dir);

        Console.WriteLine($"Building a county of {persons:N0} people and its rosters…");
        var county = DemoCounty.Build(persons, Today);
        var incomes = DemoCounty.Incomes(county, Today);
        var (batches, entries) = Rosters(county);
        Console.WriteLine($"{county.Households.Count:N0} households, {county.Members.Count:N0} people, {incomes.Count:N0} income records; " +
                          $"rosters: {string.Join(", ", batches.Select(b => $"{b.Kind} {b.Rows:N0}"))} ({entries.Count:N0} rows)");

        var results = new List<Result>();
        var sqlite = Path.Combine(dir, "comparison.db");
        // --reuse keeps the SQLite file of an earlier run (rounds and findings removed) to time changes quickly.
        var reuse = args.Contains("--reuse") && File.Exists(sqlite);
        foreach (var f in reuse ? [] : new[] { sqlite, sqlite + "-wal", sqlite + "-shm" })
        {
            File.Delete(f);
        }
        await MeasureAsync("SQLite", new DatabaseSetup.Settings(DatabaseProvider.Sqlite, $"Data Source={sqlite}"), county, incomes, batches, entries, results, reuse);
        if (pg is not null)
        {
            const string name = "fupin_comparison_bench";
            NpgsqlConnection.ClearAllPools();
            await using (var admin = new NpgsqlConnection(pg))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            var conn = new NpgsqlConnectionStringBuilder(pg) { Database = name }.ToString();
            await MeasureAsync("PostgreSQL", new DatabaseSetup.Settings(DatabaseProvider.Postgres, conn), county, incomes, batches, entries, results);
        }
        if (args.Contains("--write-doc"))
        {
            WriteDoc(root, persons, county, entries.Count, batches, results, pg is not null);
        }
        return 0;
    }

    private static async Task MeasureAsync(string provider, DatabaseSetup.Settings settings, DemoCounty.Generated county, List<Fupin.Web.Features.Income.IncomeRecord> incomes,
        List<RosterBatch> batches, List<RosterEntry> entries, List<Result> results, bool reuse = false)
    {
        var b = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(b, settings);
        var sw = Stopwatch.StartNew();
        if (reuse)
        {
            await using var system = new AppDbContext(b.Options, CurrentUser.System());
            await system.Set<ComparisonFinding>().ExecuteDeleteAsync();
            await system.Set<ComparisonRound>().ExecuteDeleteAsync();
            batches = await system.Set<RosterBatch>().AsNoTracking().ToListAsync();
        }
        else
        {
            await using var system = new AppDbContext(b.Options, CurrentUser.System());
            await DatabaseSetup.MigrateAsync(system);
            await PolicyValues.SeedIfEmptyAsync(system);
            await DemoCounty.WriteAsync(system, county);
            await using var tx = await system.Database.BeginTransactionAsync();
            await BulkWriter.InsertAsync(system, incomes);
            await BulkWriter.InsertAsync(system, batches);
            await BulkWriter.InsertAsync(system, entries);
            await tx.CommitAsync();
            await system.Database.ExecuteSqlRawAsync("ANALYZE;");
        }
        Console.WriteLine($"{provider}: prepared in {sw.Elapsed.TotalSeconds:F0} s");

        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(CurrentUser.RegionClaim, DemoCounty.CountyCode), new Claim(ClaimTypes.Name, "bench"),
            new Claim(ClaimTypes.Role, "CountyOffice")], "bench")));
        var clock = new FixedClock();
        var request = new ComparisonRounds.RunRequest { Batches = [.. batches.Select(x => x.Id)] };

        async Task Round(string scenario)
        {
            GC.Collect();
            await using var db = new AppDbContext(b.Options, user);
            var timings = new ComparisonRounds.Timings();
            sw.Restart();
            var outcome = await ComparisonRounds.RunAsync(db, clock, request, default, timings, recomputeLights: false);
            var seconds = sw.Elapsed.TotalSeconds;
            var note = outcome is Fupin.Web.Shared.Outcome<ComparisonRounds.RoundView>.Done d
                ? $"{d.Value.Households:N0} households, {d.Value.Members:N0} people, {d.Value.Rules.Count} rules; {d.Value.FindingsNew:N0} findings written, {d.Value.FindingsRepeated:N0} repeated; " +
                  string.Join(", ", timings.Seconds.Select(x => $"{x.Key} {x.Value:F1} s"))
                : "FAILED: " + outcome;
            results.Add(new Result(provider, scenario, seconds, note));
            Console.WriteLine($"{provider,-10} {scenario,-50} {seconds,6:F1} s  {note}");
        }

        // A server runs rounds in a process that has run code before; the first round in a fresh process also
        // pays for compiling it (tiered JIT). That one is timed and reported on its own, then undone.
        await Round("First round in a fresh process (code not yet compiled)");
        await using (var system = new AppDbContext(b.Options, CurrentUser.System()))
        {
            await system.Set<ComparisonFinding>().ExecuteDeleteAsync();
            await system.Set<ComparisonRound>().ExecuteDeleteAsync();
        }
        await Round("Comparison round, every rule (findings written)");
        await Round("Same round again (all repeated, nothing written)");
        GC.Collect();
        await using (var db = new AppDbContext(b.Options, user))
        {
            var seconds = new Dictionary<string, double>();
            sw.Restart();
            var n = await Lights.RecomputeAllAsync(db, clock, asRound: true, default, seconds);
            var total = sw.Elapsed.TotalSeconds;
            var counts = await db.Set<HouseholdLight>().GroupBy(l => l.Light).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            var note = $"{n:N0} households ({string.Join(", ", counts.OrderByDescending(c => c.Key).Select(c => $"{Fupin.Web.Shared.Labels.Of(c.Key)} {c.Count:N0}"))}); " +
                       string.Join(", ", seconds.Select(x => $"{x.Key} {x.Value:F1} s"));
            results.Add(new Result(provider, "Every household's light recomputed", total, note));
            Console.WriteLine($"{provider,-10} {"Every household's light recomputed",-50} {total,6:F1} s  {note}");
        }
    }

    /// <summary>Rosters that mostly agree with the registry, with the kinds of mismatch a county meets planted at plausible rates.</summary>
    private static (List<RosterBatch>, List<RosterEntry>) Rosters(DemoCounty.Generated county)
    {
        var random = new Random(7);
        var lit = county.Households.Where(h => Lights.Lit.Contains(h.Status)).ToDictionary(h => h.Id);
        var members = county.Members.Where(m => m.Status == MemberStatus.Active && lit.ContainsKey(m.HouseholdId)).ToList();
        var heads = members.Where(m => m.Relation == Relation.Head).ToList();
        var batches = new List<RosterBatch>();
        var entries = new List<RosterEntry>();
        void Batch(RosterKind kind, IEnumerable<(Member M, string? Status, string? SubType, string? Detail, decimal? Total, decimal? Paid)> rows)
        {
            var id = Guid.CreateVersion7();
            var before = entries.Count;
            foreach (var (m, status, sub, detail, total, paid) in rows)
            {
                entries.Add(new RosterEntry
                {
                    BatchId = id,
                    RegionCode = DemoCounty.CountyCode,
                    IdNumber = m.IdNumber,
                    Name = m.Name,
                    Status = status,
                    SubType = sub,
                    Detail = detail,
                    EventDate = Today.AddDays(-random.Next(200)),
                    Total = total,
                    Paid = paid
                });
            }
            batches.Add(new RosterBatch
            {
                Id = id,
                RegionCode = DemoCounty.CountyCode,
                Kind = kind,
                Label = "基准测试",
                FileName = $"{kind}.csv",
                Sha256 = id.ToString("N") + id.ToString("N"),
                Rows = entries.Count - before,
                UploadedBy = "bench",
                UploadedAt = DateTime.UtcNow
            });
        }
        int Roll() => random.Next(1000);
        Batch(RosterKind.MedicalInsurance, members.Where(_ => Roll() >= 10).Select(m => (m, (string?)(Roll() < 5 ? "未参保" : "已参保"), (string?)"城乡居民医保", (string?)null, (decimal?)null, (decimal?)null)));
        Batch(RosterKind.Students, members.Where(m => Fupin.Web.Features.Assurance.AssuranceRules.IsCompulsorySchoolAge(m.BirthDate, Today) && Roll() >= 10)
            .Select(m => (m, (string?)(Roll() < 10 ? "辍学" : "在校"), (string?)"小学", (string?)"村小学", (decimal?)null, (decimal?)null)));
        Batch(RosterKind.Settlements, members.Where(_ => Roll() < 50).Select(m =>
        {
            var total = 2000 + random.Next(20000);
            return (m, (string?)null, (string?)(Roll() < 300 ? "门诊慢病" : "住院"), (string?)"区人民医院", (decimal?)total, (decimal?)(total * (Roll() < 100 ? 0.85m : 0.92m)));
        }));
        Batch(RosterKind.Housing, heads.Where(_ => Roll() >= 30).Select(m => (m, (string?)(lit[m.HouseholdId].HousingGrade switch { HousingGrade.C => "C", HousingGrade.D => "D", HousingGrade.A => "A", _ => "B" }),
            (string?)(lit[m.HouseholdId].HousingRenovated ? "是" : "否"), (string?)null, (decimal?)null, (decimal?)null)));
        Batch(RosterKind.Water, heads.Select(m => (m, (string?)(Roll() < 20 ? "不安全" : "安全"), (string?)null, (string?)"集中供水", (decimal?)null, (decimal?)null)));
        Batch(RosterKind.CivilAffairs, heads.Where(m => lit[m.HouseholdId].Attribute != HouseholdAttribute.General || Roll() < 5)
            .Select(m => (m, (string?)(lit[m.HouseholdId].Attribute == HouseholdAttribute.Tekun ? "特困" : "低保"), (string?)null, (string?)null, (decimal?)null, (decimal?)null))
            .Concat(members.Where(_ => Roll() < 2).Select(m => (m, (string?)"死亡", (string?)null, (string?)null, (decimal?)null, (decimal?)null))));
        Batch(RosterKind.Disability, members.Where(m => m.Health.HasFlag(Health.Disabled) ? Roll() >= 30 : Roll() < 3)
            .Select(m => (m, (string?)"三级", (string?)"肢体", (string?)null, (decimal?)null, (decimal?)null)));
        Batch(RosterKind.Employment, members.Where(m => GetHousehold.Age(m.BirthDate, Today) >= 60 && Roll() >= 50)
            .Select(m => (m, (string?)"领取养老金", (string?)null, (string?)null, (decimal?)null, (decimal?)null)));
        Batch(RosterKind.PublicEmployees, members.Where(_ => Roll() < 1).Select(m => (m, (string?)null, (string?)null, (string?)"某某局", (decimal?)null, (decimal?)null)));
        Batch(RosterKind.Vehicles, members.Where(_ => Roll() < 2).Select(m => (m, (string?)null, (string?)"小型轿车", (string?)"琼A12345", (decimal?)null, (decimal?)null)));
        Batch(RosterKind.Property, members.Where(_ => Roll() < 1).Select(m => (m, (string?)null, (string?)null, (string?)"海口某小区", (decimal?)90m, (decimal?)null)));
        Batch(RosterKind.Companies, members.Where(_ => Roll() < 1).Select(m => (m, (string?)null, (string?)"法定代表人", (string?)"某某农业有限公司", (decimal?)null, (decimal?)null)));
        return (batches, entries);
    }

    private static void WriteDoc(string root, int persons, DemoCounty.Generated county, int rosterRows, List<RosterBatch> batches, List<Result> results, bool pg)
    {
        var doc = Path.Combine(root, "docs", "benchmarks.md");
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var lines = new List<string>
        {
            $"## Comparison round and three-colour lights, {county.Members.Count:N0} people ({DateTime.UtcNow:yyyy-MM-dd})",
            "",
            $"Machine: {Environment.ProcessorCount} cores ({cpu}), {File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim()} memory, .NET {Environment.Version}.",
            "",
            $"Command: `dotnet run -c Release --project bench/Fupin.Bench -- comparison --persons {persons}{(pg ? " --pg \"Host=…\"" : "")} --write-doc`. A generated county " +
            $"({county.Households.Count:N0} households) with last year's incomes, and one batch of every roster kind ({rosterRows:N0} rows in all: " +
            $"{string.Join(", ", batches.Select(b => $"{Fupin.Web.Shared.Labels.Of(b.Kind)} {b.Rows:N0}"))}), mismatches planted at plausible rates. " +
            "The round reads the registry in scope and the chosen batches, joins them by ID number in memory, runs every rule and writes the findings in one transaction; " +
            "the repeat finds the same mismatches already open and writes none. Targets: round ≤ 10 s, lights ≤ 10 s, on each database.",
            "",
            "| database | scenario | time | result and where the time goes |",
            "| --- | --- | ---: | --- |",
        };
        lines.AddRange(results.Select(r => $"| {r.Provider} | {r.Scenario} | {r.Seconds:F1} s | {r.Note} |"));
        lines.Add("");
        var text = File.ReadAllText(doc);
        var marker = text.IndexOf("## ", StringComparison.Ordinal);
        text = marker < 0 ? text + string.Join('\n', lines) : text[..marker] + string.Join('\n', lines) + "\n" + text[marker..];
        File.WriteAllText(doc, text);
        Console.WriteLine($"Written to {doc}");
    }

    private static int Int(string[] args, string name, int fallback) => Text(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
