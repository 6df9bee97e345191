// Import and export speed (issue #4):
//   dotnet run -c Release --project bench/Fupin.Bench -- import [--persons 1000000] [--pg "Host=127.0.0.1;Port=5432;Username=postgres"] [--write-doc]
// The parent builds the county once, writes it as CSV and .xlsx in the import layout, prepares an empty
// database (regions only) per scenario, and runs each import in a child process, so the peak memory it
// reports (VmHWM) is the import's own. The raw insert of the same rows runs the same way, for the ratio.
// One scenario by hand: `… -- import-child sqlite "Data Source=x.db" prepare 1000000`, then `… import FILE.csv`.
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Fupin.Web.Data;
using Fupin.Web.Features.Demo;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Import;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Npgsql;
using Member = Fupin.Web.Features.Households.Member;

namespace Fupin.Bench;

public static class ImportBench
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    public sealed record Measured(string Scenario, double Seconds, long PeakMiB, string Note);

    public static async Task<int> RunAsync(string[] args, string root)
    {
        var persons = Int(args, "--persons", 1_000_000);
        var pg = Text(args, "--pg");
        var dir = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, $"import-{persons}.csv");
        var xlsx = Path.Combine(dir, $"import-{persons}.xlsx");

        Console.WriteLine($"Building a county of {persons:N0} people…");
        var county = DemoCounty.Build(persons, Today);
        var households = county.Households.Where(h => h.Status is not (HouseholdStatus.Removed or HouseholdStatus.Applicant)).ToList();
        var keep = households.Select(h => h.Id).ToHashSet();
        var members = county.Members.Where(m => m.Status == MemberStatus.Active && keep.Contains(m.HouseholdId)).ToList();
        var rows = Rows(households, members).ToList();
        Console.WriteLine($"{households.Count:N0} households, {rows.Count:N0} people in the file");
        var sw = Stopwatch.StartNew();
        await WriteCsvAsync(csv, rows);
        Console.WriteLine($"CSV written in {sw.Elapsed.TotalSeconds:F1} s ({new FileInfo(csv).Length / 1048576.0:F0} MiB)");
        sw.Restart();
        await MiniExcel.SaveAsAsync(xlsx, rows.Select(r => Template.Zip(r).ToDictionary(x => x.First, x => (object?)x.Second)), sheetName: "名册", overwriteFile: true);
        Console.WriteLine($".xlsx written in {sw.Elapsed.TotalSeconds:F1} s ({new FileInfo(xlsx).Length / 1048576.0:F0} MiB)");

        // How fast the machine is today, against the figures the issue gives for it (see Calibration).
        var calibration = await Calibration.RunAsync(dir, pg);
        foreach (var c in calibration)
        {
            Console.WriteLine($"{c.What,-80} {c.Seconds,6:F2} s (issue: {c.IssueSeconds:F1} s; issue's time over this one {c.Speed:F2})");
        }

        var results = new List<Measured>();
        async Task<Measured> Child(string scenario, string provider, string conn, params string[] extra)
        {
            var r = await RunChildAsync(scenario, provider, conn, extra);
            results.Add(r);
            Console.WriteLine($"{r.Scenario,-60} {r.Seconds,7:F1} s  peak {r.PeakMiB,5} MiB  {r.Note}");
            return r;
        }

        // --only sqlite|pg runs one database's scenarios (while tuning); --skip-raw leaves out the raw inserts.
        var only = Text(args, "--only");
        var skipRaw = args.Contains("--skip-raw");
        Measured? raw = null, csvSqlite = null;
        if (only is null or "sqlite")
        {
            var sqlite = Path.Combine(dir, "import-target.db");
            if (!skipRaw)
            {
                await PrepareSqliteAsync(sqlite, county);
                raw = await Child("Raw insert of the same rows, SQLite (prepared INSERT, one transaction)", "sqlite", Sqlite(sqlite), "raw", persons.ToString(CultureInfo.InvariantCulture));
            }
            await PrepareSqliteAsync(sqlite, county);
            csvSqlite = await Child("CSV import, SQLite (validated and written)", "sqlite", Sqlite(sqlite), "import", csv);
            await Child("Same CSV again, SQLite (idempotent: compared, nothing written)", "sqlite", Sqlite(sqlite), "import", csv);
            await Child("Export of the whole registry to .xlsx, SQLite", "sqlite", Sqlite(sqlite), "export");
            await PrepareSqliteAsync(sqlite, county);
            await Child(".xlsx import, SQLite", "sqlite", Sqlite(sqlite), "import", xlsx);
        }

        Measured? rawPg = null, csvPg = null;
        if (pg is not null && only is null or "pg")
        {
            var target = await PreparePostgresAsync(pg, county);
            rawPg = skipRaw ? null : await Child("Raw insert of the same rows, PostgreSQL (binary COPY, one transaction)", "pg", target, "raw", persons.ToString(CultureInfo.InvariantCulture));
            target = skipRaw ? target : await PreparePostgresAsync(pg, county);
            csvPg = await Child("CSV import, PostgreSQL (validated and written)", "pg", target, "import", csv);
            await Child("Same CSV again, PostgreSQL (idempotent)", "pg", target, "import", csv);
            await Child("Export of the whole registry to .xlsx, PostgreSQL", "pg", target, "export");
        }

        if (raw is not null && csvSqlite is not null)
        {
            Console.WriteLine($"Ratio CSV import / raw insert, SQLite: {csvSqlite.Seconds / raw.Seconds:F1}");
        }
        if (rawPg is not null && csvPg is not null)
        {
            Console.WriteLine($"Ratio CSV import / raw insert, PostgreSQL: {csvPg.Seconds / rawPg.Seconds:F1}");
        }
        if (args.Contains("--write-doc") && raw is not null && csvSqlite is not null)
        {
            WriteDoc(root, persons, rows.Count, households.Count, results, csvSqlite.Seconds / raw.Seconds,
                rawPg is not null && csvPg is not null ? csvPg.Seconds / rawPg.Seconds : null, calibration);
        }
        return 0;
    }

    /// <summary>The child: one scenario, then its time and this process's peak resident memory as one JSON line.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var provider = args[1];
        var conn = args[2];
        var what = args[3];
        var settings = new DatabaseSetup.Settings(provider == "pg" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, conn);
        var b = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(b, settings);
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(CurrentUser.RegionClaim, DemoCounty.CountyCode), new Claim(ClaimTypes.Name, "bench"),
            new Claim(ClaimTypes.Role, "CountyOffice")], "bench")));
        await using var db = new AppDbContext(b.Options, user);
        var clock = new FixedClock();
        // EF builds its model once per process. The server does so at start (it migrates the database and serves
        // the upload before any import runs), so it is built here before the clock, not charged to the first scenario.
        var modelWatch = Stopwatch.StartNew();
        _ = db.Model;
        if (what is "import" or "export")
        {
            // A running server has answered queries before the upload (the sign-in, the page the user came from):
            // EF's query pipeline is compiled. One query of its own warms it here; the import's queries are not run.
            _ = await db.AuditEntries.AsNoTracking().CountAsync();
        }
        var modelSeconds = modelWatch.Elapsed.TotalSeconds;
        var probe = Calibration.ProbeMilliseconds();
        // The probe's garbage collected now, and what the collector did before the clock left out of the figures.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (allocatedBefore, gen0Before, gen1Before, gen2Before, pausedBefore) =
            (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var sw = Stopwatch.StartNew();
        string note;
        switch (what)
        {
            case "raw":
                {
                    var county = DemoCounty.Build(int.Parse(args[4], CultureInfo.InvariantCulture), Today);
                    var households = county.Households.Where(h => h.Status is not (HouseholdStatus.Removed or HouseholdStatus.Applicant)).ToList();
                    var keep = households.Select(h => h.Id).ToHashSet();
                    var members = county.Members.Where(m => m.Status == MemberStatus.Active && keep.Contains(m.HouseholdId)).ToList();
                    sw.Restart();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    // FUPIN_BENCH_RAW_BARE=1: the same rows into the tables with their secondary indexes set aside (as a
                    // bulk load does), not rebuilt: the engine's own floor for writing these rows, for tuning the writer.
                    if (Environment.GetEnvironmentVariable("FUPIN_BENCH_RAW_BARE") == "1")
                    {
                        await BulkWriter.DropIndexesAsync(db, ["Households", "Members"], default);
                        sw.Restart();
                    }
                    await BulkWriter.InsertAsync(db, households);
                    var split = sw.Elapsed.TotalSeconds;
                    await BulkWriter.InsertAsync(db, members);
                    var split2 = sw.Elapsed.TotalSeconds;
                    await tx.CommitAsync();
                    note = $"{households.Count:N0} households ({split:F1} s) + {members.Count:N0} members ({split2 - split:F1} s), commit {sw.Elapsed.TotalSeconds - split2:F1} s";
                    break;
                }
            case "prepare":
                {
                    var county = DemoCounty.Build(int.Parse(args[4], CultureInfo.InvariantCulture), Today);
                    await DatabaseSetup.MigrateAsync(db);
                    await BulkWriter.InsertAsync(db, county.Regions);
                    await BulkWriter.InsertAsync(db, county.Groups);
                    note = $"{county.Regions.Count} regions";
                    break;
                }
            case "import":
                {
                    using var sampler = Environment.GetEnvironmentVariable("FUPIN_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
                    var path = args[4];
                    var kind = path.EndsWith(".xlsx", StringComparison.Ordinal) ? SheetReader.Kind.Xlsx : SheetReader.Kind.Csv;
                    var progress = new RegistryImport.Progress();
                    // FUPIN_BENCH_BULK_FROM=100000000 keeps the first load off the streaming path (to time the check alone).
                    var bulkFrom = int.TryParse(Environment.GetEnvironmentVariable("FUPIN_BENCH_BULK_FROM"), out var from) ? from : RegistryImport.BulkLoadFromDefault;
                    var result = await RegistryImport.RunAsync(db, clock, path, kind, new RegistryImport.Options(Guid.NewGuid(), Path.GetFileName(path), new string('0', 64), 2_000_000, bulkFrom), progress, default);
                    if (result.Summary is not { } s)
                    {
                        note = "FAILED: " + (result.Problem ?? string.Join("; ", result.RowErrors.Take(5).Select(e => $"row {e.Key}: {e.Value}")));
                        break;
                    }
                    note = $"{s.Rows:N0} rows: {s.HouseholdsCreated:N0} households and {s.MembersCreated:N0} members created, {s.HouseholdsUpdated:N0} updated, {s.HouseholdsUnchanged:N0} unchanged; " +
                           string.Join(", ", progress.Seconds.Select(x => $"{x.Key} {x.Value:F1} s"));
                    sampler?.Print(Console.Error);
                    break;
                }
            default:
                {
                    var result = await ExportRegistry.RunAsync(db, clock, new ExportRegistry.Request { Format = ExportRegistry.Format.Xlsx }, mayReveal: false, default);
                    note = $"{result.Rows:N0} rows, {new FileInfo(result.Path).Length / 1048576.0:F0} MiB";
                    File.Delete(result.Path);
                    break;
                }
        }
        var seconds = sw.Elapsed.TotalSeconds;
        // Not part of the import's time (it has committed), but measured: its housekeeping in the background.
        var housekeeping = Stopwatch.StartNew();
        await BulkLoadMaintenance.WaitAsync();
        if (housekeeping.Elapsed.TotalSeconds >= 0.05)
        {
            note += $"; after it, in the background: {(provider == "sqlite" ? "statistics and WAL checkpoint" : "lookup indexes, statistics and key checks")} {housekeeping.Elapsed.TotalSeconds:F1} s";
        }
        // What the collector had to do (allocation drives gen0 collections; what survives them drives their cost).
        var gc = $"allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576:N0} MiB, collections gen0 {GC.CollectionCount(0) - gen0Before} " +
                 $"gen1 {GC.CollectionCount(1) - gen1Before} gen2 {GC.CollectionCount(2) - gen2Before}, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F1} s";
        note += $"; EF model built and one query run before the clock {modelSeconds:F1} s; probe {probe:F0} ms";
        Console.WriteLine(JsonSerializer.Serialize(new { seconds, peak = PeakMiB(), note, gc }));
        return 0;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 24, 4, 0, 0, TimeSpan.Zero);
    }

    private static long PeakMiB() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024
            : -1;

    private static async Task<Measured> RunChildAsync(string scenario, string provider, string conn, string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ImportBench).Assembly.Location);
        foreach (var a in new[] { "import-child", provider, conn }.Concat(extra))
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var json = JsonDocument.Parse(last);
        return new Measured(scenario, json.RootElement.GetProperty("seconds").GetDouble(), json.RootElement.GetProperty("peak").GetInt64(),
            json.RootElement.GetProperty("note").GetString() ?? "");
    }

    private static string Sqlite(string path) => $"Data Source={path}";

    private static async Task PrepareSqliteAsync(string path, DemoCounty.Generated county)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
        var b = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(b, new DatabaseSetup.Settings(DatabaseProvider.Sqlite, Sqlite(path)));
        await using var db = new AppDbContext(b.Options, CurrentUser.System());
        await DatabaseSetup.MigrateAsync(db);
        await BulkWriter.InsertAsync(db, county.Regions);
        await BulkWriter.InsertAsync(db, county.Groups);
    }

    private static async Task<string> PreparePostgresAsync(string server, DemoCounty.Generated county)
    {
        const string name = "fupin_import_bench";
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        var conn = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var b = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(b, new DatabaseSetup.Settings(DatabaseProvider.Postgres, conn));
        await using var db = new AppDbContext(b.Options, CurrentUser.System());
        await DatabaseSetup.MigrateAsync(db);
        await BulkWriter.InsertAsync(db, county.Regions);
        await BulkWriter.InsertAsync(db, county.Groups);
        return conn;
    }

    private static readonly string[] Template = ImportTemplate.TemplateColumns.Select(c => ImportColumns.Of(c).Header).ToArray();

    /// <summary>The county as the import layout: one row per member, household columns repeated, head first.</summary>
    private static IEnumerable<string?[]> Rows(List<Household> households, List<Member> members)
    {
        var byHousehold = members.ToLookup(m => m.HouseholdId);
        foreach (var h in households)
        {
            foreach (var m in byHousehold[h.Id].OrderBy(m => m.Relation == Relation.Head ? 0 : 1))
            {
                yield return
                [
                    h.HouseholdNumber, "", "", h.RegionCode, h.HeadName, Labels.Of(m.Relation), m.Name, m.IdNumber, m.Sex == Fupin.Web.Rules.Sex.Male ? "男" : "女",
                    m.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Ethnicity, Labels.Of(m.Education), Labels.Of(m.SchoolStage),
                    Labels.Of(m.Health), m.DisabilityGrade?.ToString(CultureInfo.InvariantCulture), Labels.Of(m.Labour), m.WorkPlace,
                    m.WorkMonths?.ToString(CultureInfo.InvariantCulture), Labels.Of(m.MedicalInsurance), m.SeriousIllnessInsurance ? "是" : "否",
                    Labels.Of(m.Pension), m.FamilyDoctorSigned ? "是" : "否", Labels.Of(h.Attribute), Labels.Of(h.MainCause),
                    string.Join("、", new[] { h.OtherCause1, h.OtherCause2 }.Where(c => c is not null).Select(c => Labels.Of(c!.Value))),
                    Labels.Of(h.Status), h.YearIdentified.ToString(CultureInfo.InvariantCulture), h.Status == HouseholdStatus.Lifted ? h.YearLifted?.ToString(CultureInfo.InvariantCulture) : null,
                    h.Phone, h.BankName, h.BankAccount,
                ];
            }
        }
    }

    private static async Task WriteCsvAsync(string path, List<string?[]> rows)
    {
        await using var w = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        await w.WriteLineAsync(string.Join(',', Template));
        var b = new StringBuilder(512);
        foreach (var r in rows)
        {
            b.Clear();
            for (var i = 0; i < r.Length; i++)
            {
                if (i > 0)
                {
                    b.Append(',');
                }
                var v = r[i] ?? "";
                b.Append(v.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v);
            }
            await w.WriteLineAsync(b);
        }
    }

    private static void WriteDoc(string root, int persons, int rows, int households, List<Measured> results, double ratioSqlite, double? ratioPg,
        List<Calibration.Reference> calibration)
    {
        var doc = Path.Combine(root, "docs", "benchmarks.md");
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var lines = new List<string>
        {
            $"## Registry import and export, {rows:N0} people ({DateTime.UtcNow:yyyy-MM-dd})",
            "",
            $"Machine: {Environment.ProcessorCount} cores ({cpu}), {File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim()} memory, .NET {Environment.Version}.",
            "",
            $"Command: `dotnet run -c Release --project bench/Fupin.Bench -- import --persons {persons} --pg \"Host=…\" --write-doc`. A generated county " +
            $"({households:N0} households, {rows:N0} people in the file) written in the import layout; each scenario runs in its own process against a database " +
            "holding only the region tree (or, for the repeat, the first import's result); peak memory is that process's VmHWM.",
            "",
            "| scenario | time | peak memory | result |",
            "| --- | ---: | ---: | --- |",
        };
        lines.AddRange(results.Select(r => $"| {r.Scenario} | {r.Seconds:F1} s | {r.PeakMiB} MiB | {r.Note} |"));
        lines.Add("");
        lines.Add($"Ratio import / raw insert: SQLite {ratioSqlite:F1}" + (ratioPg is { } p ? $", PostgreSQL {p:F1}" : "") + ".");
        lines.Add("");
        lines.Add("The machine in the same run, against the figures the issue gives for it:");
        lines.Add("");
        lines.Add("| reference | here | issue | issue's time over this one |");
        lines.Add("| --- | ---: | ---: | ---: |");
        lines.AddRange(calibration.Select(c => $"| {c.What} | {c.Seconds:F2} s | {c.IssueSeconds:F1} s | {c.Speed:F2} |"));
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
