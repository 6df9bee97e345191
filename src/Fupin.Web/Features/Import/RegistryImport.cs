using System.Text.Json;
using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Import;

/// <summary>
/// Imports a registry file, all or nothing. Pass 1 streams the file and checks every row on its own and
/// against the other rows (ID numbers, one head per household, the same household data on each of its
/// rows, region in scope). Pass 2 compares each household with the database, in chunks, inside one
/// transaction: new households and members go in through <see cref="BulkWriter"/> (no change tracker),
/// changed ones through EF so the audit trail gets each changed field; a file that changes nothing
/// writes nothing. Any error anywhere rolls everything back and the result lists every bad row.
/// <para>
/// A large first load (a registry of at most <see cref="StreamRegistryCap"/> households, and a file that
/// has shown as many new households as a bulk load needs) does not wait for pass 2: from that row on, the
/// new households' members are written on a second thread while the rest of the file is still read and
/// checked, in the same transaction (<see cref="ImportWriteSession"/>); each household row follows after the
/// read, from the counts its members added up to. A bad row found later rolls it all back as before.
/// </para>
/// </summary>
public static class RegistryImport
{
    /// <summary>
    /// Registered households compared per query. Small, so each chunk's loaded rows die young: at 4,000 they
    /// outlived gen0 and piled up in gen2 between full collections (a re-import of a million people grew by
    /// ~450 MiB during the comparison; at 250 it stays flat, and is faster).
    /// </summary>
    public const int ChunkHouseholds = 250;

    /// <summary>New households from which a load as large as the table is a bulk load (<c>Import:BulkLoadFrom</c>).</summary>
    public const int BulkLoadFromDefault = 20_000;

    /// <summary>Live progress, read by the UI while the job runs.</summary>
    public sealed class Progress
    {
        private int _checked;
        private int _written;
        public string Phase { get; set; } = "排队中";
        public int RowsChecked => Volatile.Read(ref _checked);
        public int RowsWritten => Volatile.Read(ref _written);
        public int RowsTotal { get; set; }
        public void Checked(int n = 1) => Interlocked.Add(ref _checked, n);
        public void Written(int n) => Interlocked.Add(ref _written, n);

        /// <summary>Where the time went, in seconds by phase (read by the benchmark).</summary>
        public Dictionary<string, double> Seconds { get; } = [];

        public void Time(string phase, TimeSpan elapsed) => Seconds[phase] = Seconds.GetValueOrDefault(phase) + elapsed.TotalSeconds;
    }

    public sealed record Options(Guid JobId, string FileName, string Sha256, int MaxRows, int BulkLoadFrom = BulkLoadFromDefault);

    public sealed record Summary(int Rows, int Households, int HouseholdsCreated, int HouseholdsUpdated, int MembersCreated, int MembersUpdated, int HouseholdsUnchanged);

    /// <summary>Either a summary (all written), or a problem with the file as a whole, or the bad rows (nothing written).</summary>
    public sealed record Result(Summary? Summary, string? Problem, IReadOnlyDictionary<int, string> RowErrors, int HeaderRow)
    {
        public bool Succeeded => Summary is not null;
    }

    /// <summary>Registries up to this many households have their keys loaded before the file is read, so a large first load can be written while it is read.</summary>
    public const int StreamRegistryCap = 100_000;

    private static string Inconsistent(int firstRow) => $"户级信息（所属村、户主姓名、户属性、致贫原因、识别年度、联系电话、银行账号等）与本户第{firstRow}行不一致";

    private sealed class Pending(RowParser.HouseholdPart part, string regionCode, int firstRow, bool isNew, int index)
    {
        /// <summary>Its place in the file's household list (what <see cref="FileIds"/> keeps instead of the 户编号).</summary>
        public int Index { get; } = index;

        public RowParser.HouseholdPart Part { get; } = part;
        public string RegionCode { get; } = regionCode;
        public int FirstRow { get; } = firstRow;

        /// <summary>Known to be new (its number is not registered): it may be written while the file is read.</summary>
        public bool IsNew { get; } = isNew;

        /// <summary>The rows held for writing after the read; null once the household's members are streamed.</summary>
        public List<Row>? Rows { get; set; }

        // Kept row by row (whether the rows are held or streamed), for the household checks and its stored counts.
        public int Heads { get; set; }
        public int HeadLine { get; set; }
        public List<int>? OtherHeadLines { get; set; }
        public string HeadName { get; set; } = "";

        // A streamed household: its id, and what its members add up to.
        public Guid Id { get; set; }

        /// <summary>Handed to the writer during the stream (SQLite), once the file moved on to another household.</summary>
        public bool Written { get; set; }

        /// <summary>Its rows resumed after it was written: its counts are corrected after the stream.</summary>
        public bool Reopened { get; set; }
        public int ActiveMembers { get; set; }
        public Assurance.AssuranceItem MemberGaps { get; set; }
    }

    private readonly record struct Row(int Line, MemberInput Input, string IdNumber);

    /// <summary>What is registered already, everywhere: 户编号, and active members' ID numbers with their household.</summary>
    private sealed class Registered
    {
        public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (Guid HouseholdId, string Number)> Holders { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// All of a small registry's keys (for a streaming load: both filters null), or those the file needs
        /// (after the read): its registered 户编号, and the active members whose ID number the file gives in
        /// another household than the one they are in (a person the file keeps in their own household cannot
        /// clash, so a re-import of the registry holds almost none).
        /// </summary>
        public static async Task<Registered> LoadAsync(AppDbContext db, Dictionary<string, Pending>? fileHouseholds,
            FileIds? fileIds, List<Pending>? byIndex, CancellationToken ct)
        {
            var r = new Registered();
            var numbers = new Dictionary<Guid, string>();
            string? NumberOf(int household) => household >= 0 && byIndex is not null ? byIndex[household].Part.Number : null;
            var households = db.Households.IgnoreQueryFilters().AsNoTracking().Select(h => new { h.Id, h.HouseholdNumber });
            var members = db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.Status == MemberStatus.Active).Select(m => new { m.IdNumber, m.HouseholdId });
            void Household(Guid id, string number)
            {
                if (fileHouseholds is null || fileHouseholds.ContainsKey(number))
                {
                    r.Numbers.Add(number);
                }
                numbers[id] = number;
            }
            if (db.Database.IsSqlite())
            {
                // A million members read without a string each (the ID number is looked up by its bytes).
                await NativeRows.ReadAsync(db, households, row => Household(row.Guid(0), row.String(1)), ct);
                await NativeRows.ReadAsync(db, members, row =>
                {
                    var first = (Line: 0, Household: -1);
                    if (fileIds is not null && !fileIds.TryGet(row.Utf8(0), out first))
                    {
                        return;
                    }
                    var householdId = row.Guid(1);
                    var held = numbers.GetValueOrDefault(householdId, "");
                    if (fileIds is null || NumberOf(first.Household) != held)
                    {
                        r.Holders[row.String(0)] = (householdId, held);
                    }
                }, ct);
                return r;
            }
            await foreach (var h in households.AsAsyncEnumerable().WithCancellation(ct))
            {
                Household(h.Id, h.HouseholdNumber);
            }
            await foreach (var m in members.AsAsyncEnumerable().WithCancellation(ct))
            {
                var held = numbers.GetValueOrDefault(m.HouseholdId, "");
                if (fileIds is null || (fileIds.TryGet(m.IdNumber, out var first) && NumberOf(first.Household) != held))
                {
                    r.Holders[m.IdNumber] = (m.HouseholdId, held);
                }
            }
            return r;
        }
    }

    public static async Task<Result> RunAsync(AppDbContext db, TimeProvider clock, string path, SheetReader.Kind kind, Options options, Progress progress, CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        progress.Phase = "校验中";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // The villages this user may import into, by code and by township + village name.
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.RetiredOn == null)
            .Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(ct);
        // A merged village's old code (撤并) still names the village it went into: the national system's exports keep it for a while.
        var aliases = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.MergedInto != null)
            .ToDictionaryAsync(r => r.Code, r => r.MergedInto!, ct);
        var townNames = await db.Regions.IgnoreQueryFilters().AsNoTracking().Where(r => r.Level == RegionLevel.Township)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var byCode = villages.ToDictionary(v => v.Code, v => v.Name);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in villages)
        {
            byName.TryAdd(townNames.GetValueOrDefault(RegionCodes.AncestorAt(v.Code, RegionLevel.Township), "") + "|" + v.Name, v.Code);
        }

        using var sheet = SheetReader.OpenAtHeader(path, kind, ImportColumns.Score);
        if (sheet is null)
        {
            return new Result(null, "没有找到表头：前10行中没有一行含有“户编号”“姓名”“证件号码”等列名。请使用导入模板。", new Dictionary<int, string>(), 0);
        }
        var headerRow = sheet.HeaderRow;
        var (map, headerProblems) = ImportColumns.MapHeader(sheet.Header);
        if (headerProblems.Count > 0)
        {
            return new Result(null, "表头不符合要求：" + string.Join("；", headerProblems), new Dictionary<int, string>(), headerRow);
        }

        // A small registry's keys up front: once the file has shown as many new households as a bulk load
        // needs, the rest is written while it is read (members on a second thread), instead of after the read.
        var tableHouseholds = await db.Households.IgnoreQueryFilters().CountAsync(ct);
        var known = tableHouseholds <= StreamRegistryCap ? await Registered.LoadAsync(db, null, null, null, ct) : null;
        var streamFrom = Math.Max(options.BulkLoadFrom, tableHouseholds);
        progress.Time("villages, header and registry keys", watch.Elapsed);
        watch.Restart();
        var newHouseholds = 0;
        ImportWriteSession? session = null;
        try
        {
            var parser = new RowParser(map, today);
            var errors = new RowErrors();
            // Sized for the file up front: a million-entry map that doubles as it fills allocates its large
            // arrays again and again, and each such allocation can start a full (background) collection.
            var expectedRows = (int)Math.Min(options.MaxRows, new FileInfo(path).Length / 250);
            var households = new Dictionary<string, Pending>(expectedRows / 3, StringComparer.Ordinal);
            var ids = new FileIds(expectedRows);
            var guids = new GuidSequence();
            var byIndex = new List<Pending>(expectedRows / 3);
            var problems = new List<string>(4);
            var line = headerRow;
            var count = 0;

            // A streamed row's member, written at once: its household's id and counts are kept instead of the row.
            // On SQLite the household itself goes too, once the file has moved on to another household (a file
            // lists a household's rows together; one whose rows resume later is corrected after the stream).
            Pending? open = null;
            async ValueTask StreamAsync(Pending p, int rowLine, MemberInput input, Rules.ResidentIdInfo? id)
            {
                if (session!.StreamsHouseholds && !ReferenceEquals(open, p))
                {
                    if (open is { Written: false } done)
                    {
                        done.Written = true;
                        session.AddHousehold(() => StreamedHousehold(done, today, now));
                    }
                    p.Reopened |= p.Written;
                    open = p;
                }
                if (known!.Holders.TryGetValue(id?.Normalized ?? "", out var holder))
                {
                    errors.Add(rowLine, $"证件号码已是户编号{holder.Number}的在册成员（一人只能在一户中在册）");
                    return;
                }
                var m = NewMember(p, input, id, now, guids);
                if (m.Status == MemberStatus.Active)
                {
                    p.ActiveMembers++;
                    p.MemberGaps |= Assurance.AssuranceRules.MemberGaps(m, today);
                }
                await session!.AddMemberAsync(m);
            }

            // A household looked up by the 户编号's characters: a string is made only for a household's first row.
            var householdsByNumber = households.GetAlternateLookup<ReadOnlySpan<char>>();
            // Households whose first row could not be placed (unknown village or code): their later rows are checked
            // against that row, and the household is not reported again for a missing head (its head row has the error).
            var unplaced = new Dictionary<string, (int Line, RowParser.HouseholdPart Part)>();
            foreach (var row in sheet.Rows())
            {
                ct.ThrowIfCancellationRequested();
                line++;
                if (row.IsBlank)
                {
                    continue;
                }
                if (++count > options.MaxRows)
                {
                    return new Result(null, $"文件超过{options.MaxRows}行的上限，请分批导入", new Dictionary<int, string>(), headerRow);
                }
                problems.Clear();
                parser.Next(row);
                var member = parser.ParseMember(problems);
                householdsByNumber.TryGetValue(parser.Number, out var pending);
                RowParser.HouseholdPart? part = null;
                if (pending is null && unplaced.Count > 0 && unplaced.TryGetValue(parser.Number.ToString(), out var first))
                {
                    if (!parser.SameHousehold(first.Part))
                    {
                        problems.Add(Inconsistent(first.Line));
                    }
                }
                else if (pending is null)
                {
                    // The household's first row: its columns are read and checked once.
                    part = parser.ParseHousehold(problems);
                    if (part.Status == HouseholdStatus.Lifted && part.YearLifted is null)
                    {
                        problems.Add("户状态为已脱贫时须填写脱贫年度");
                    }
                    if (part.YearLifted is { } yl && (yl < part.Input.YearIdentified || yl > today.Year))
                    {
                        problems.Add($"脱贫年度应在识别年度到{today.Year}年之间");
                    }
                }
                else if (!parser.SameHousehold(pending.Part))
                {
                    problems.Add(Inconsistent(pending.FirstRow));
                }
                var id = parser.Validate(member, part?.Input, problems);

                if (part is not null)
                {
                    string? region = null;
                    if (!string.IsNullOrEmpty(part.RegionCode))
                    {
                        region = byCode.ContainsKey(part.RegionCode) ? part.RegionCode
                            : aliases.TryGetValue(part.RegionCode, out var merged) && byCode.ContainsKey(merged) ? merged : null;
                        if (region is null)
                        {
                            problems.Add($"所属区划代码“{part.RegionCode}”不是您管辖范围内的行政村");
                        }
                    }
                    else
                    {
                        region = byName.GetValueOrDefault((part.Township ?? "") + "|" + (part.Village ?? ""));
                        if (region is null)
                        {
                            problems.Add($"所属村“{part.Township}{part.Village}”不存在或不在您的管辖范围内");
                        }
                    }
                    if (region is null && part.Number.Length > 0)
                    {
                        unplaced.TryAdd(part.Number, (line, part));
                    }
                    if (region is not null && part.Number.Length > 0)
                    {
                        var isNew = known is not null && !known.Numbers.Contains(part.Number);
                        households[part.Number] = pending = new Pending(part, region, line, isNew, byIndex.Count)
                        {
                            Id = guids.Next(),
                            Rows = session is { Streaming: true } && isNew ? null : new(4),
                        };
                        byIndex.Add(pending);
                        if (isNew)
                        {
                            newHouseholds++;
                        }
                    }
                }

                if (id is not null && !ids.TryAdd(id.Normalized, line, pending?.Index ?? -1, out var firstLine))
                {
                    problems.Add($"证件号码与第{firstLine}行重复");
                }
                if (id is not null)
                {
                    member.IdNumber = id.Normalized; // one string per person, not two
                }
                foreach (var p in problems)
                {
                    errors.Add(line, p);
                }
                if (pending is not null)
                {
                    if (member.Relation == Relation.Head)
                    {
                        if (++pending.Heads == 1)
                        {
                            (pending.HeadLine, pending.HeadName) = (line, member.Name.Trim());
                        }
                        else
                        {
                            (pending.OtherHeadLines ??= []).Add(line);
                        }
                    }
                    // Once a row has failed nothing will be written: the rows are no longer kept, only checked.
                    if (errors.Count == 0)
                    {
                        if (session is { Streaming: true } && pending.IsNew)
                        {
                            await StreamAsync(pending, line, member, id);
                        }
                        else
                        {
                            pending.Rows?.Add(new Row(line, member, id?.Normalized ?? ""));
                        }
                    }
                }
                progress.Checked();

                if (session is null && known is not null && newHouseholds >= streamFrom && errors.Count == 0)
                {
                    // Enough new households for a bulk load: indexes aside, and the new households' rows so far
                    // written; the rows after this are written as they are read.
                    var setUp = System.Diagnostics.Stopwatch.StartNew();
                    session = await ImportWriteSession.BeginAsync(db, bulkLoad: true, progress, ct);
                    session.StartStreaming(progress, households.Values.Where(p => p.IsNew).Sum(p => p.Rows!.Count), ct);
                    foreach (var p in households.Values.Where(p => p.IsNew))
                    {
                        foreach (var r in p.Rows!)
                        {
                            await StreamAsync(p, r.Line, r.Input, Rules.ResidentId.TryParse(r.IdNumber, today, out _));
                        }
                        p.Rows = null;
                    }
                    progress.Phase = "校验并写入中";
                    progress.Time("start writing while reading", setUp.Elapsed);
                }
            }
            progress.RowsTotal = count;
            if (count == 0)
            {
                return new Result(null, "文件中没有数据行", new Dictionary<int, string>(), headerRow);
            }

            // Each household: exactly one head, whose name is the 户主姓名 column's.
            foreach (var p in households.Values)
            {
                if (p.Heads != 1)
                {
                    var message = p.Heads == 0 ? $"户编号{p.Part.Number}没有户主（须有一行与户主关系为“户主”）" : $"户编号{p.Part.Number}有{p.Heads}名户主，每户只能有一名";
                    errors.Add(p.Heads == 0 ? p.FirstRow : p.HeadLine, message);
                    foreach (var other in p.OtherHeadLines ?? [])
                    {
                        errors.Add(other, message);
                    }
                }
                else if (!string.IsNullOrEmpty(p.Part.HeadName) && p.Part.HeadName != p.HeadName)
                {
                    errors.Add(p.HeadLine, $"户主姓名“{p.Part.HeadName}”与户主一行的姓名“{p.HeadName}”不一致");
                }
            }
            progress.Time("read and check rows", watch.Elapsed);
            if (errors.Count > 0)
            {
                return new Result(null, null, errors.Joined(), headerRow);
            }

            progress.Phase = "写入中";
            watch.Restart();
            Registered registered;
            if (session is not null)
            {
                await session.EndStreamAsync();
                registered = known!;
            }
            else
            {
                // One pass over the registry's keys, everywhere (an ID number may be active in another county): which
                // of the file's 户编号 are registered, and which of its people are active members, and where.
                registered = known ?? await Registered.LoadAsync(db, households, ids, byIndex, ct);
                // A load as large as what the tables hold (a county's first import) is a bulk load: secondary indexes
                // are rebuilt once at the end, and on SQLite the per-row foreign-key lookups are left out.
                var newCount = households.Keys.Count(n => !registered.Numbers.Contains(n));
                var bulkLoad = newCount >= options.BulkLoadFrom && newCount >= tableHouseholds;
                session = await ImportWriteSession.BeginAsync(db, bulkLoad, progress, ct);
            }
            ids.Clear();
            progress.Time("look up registered households and people", watch.Elapsed);
            return await WriteAsync(db, clock, parser, households, registered, session, options, progress, errors, headerRow, count, guids, ct);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static async Task<Result> WriteAsync(AppDbContext db, TimeProvider clock, RowParser parser, Dictionary<string, Pending> households,
        Registered registered, ImportWriteSession session, Options options, Progress progress, RowErrors errors, int headerRow, int rowCount, GuidSequence guids, CancellationToken ct)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var (low, high) = db.User.ScopePrefix is { } prefix ? RegionCodes.Range(prefix) : ("~", "~");
        int created = 0, updated = 0, membersCreated = 0, membersUpdated = 0, unchanged = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Households whose members were written while the file was read: now the households themselves,
        // with the counts their members added up to.
        var streamed = households.Values.Where(p => p.Rows is null).ToList();
        if (streamed.Count > 0)
        {
            // Households written while the file was read whose rows resumed later have the wrong counts: they are
            // taken out and written again with the rest, a thousand per statement (a file sorted by relation
            // instead of by household reopens every household; one UPDATE each would take minutes).
            foreach (var chunk in streamed.Where(p => p.Reopened).Chunk(1000))
            {
                var reopened = chunk.Select(p => p.Id).ToList();
                await db.Households.IgnoreQueryFilters().Where(x => reopened.Contains(x.Id)).ExecuteDeleteAsync(ct);
            }
            await BulkWriter.InsertAsync(db, streamed.Where(p => !p.Written || p.Reopened).Select(p => StreamedHousehold(p, today, now)), ct);
            created += streamed.Count;
            membersCreated += streamed.Sum(p => p.ActiveMembers);
            progress.Time("insert streamed households", watch.Elapsed);
        }

        foreach (var chunk in households.Values.Where(p => p.Rows is not null).Chunk(ChunkHouseholds))
        {
            ct.ThrowIfCancellationRequested();
            watch.Restart();
            var numbers = chunk.Select(p => p.Part.Number).Where(registered.Numbers.Contains).ToList();
            var existing = numbers.Count == 0 ? [] : await db.Households.IgnoreQueryFilters().AsNoTracking().Include(h => h.Members)
                .Where(h => numbers.Contains(h.HouseholdNumber)).ToDictionaryAsync(h => h.HouseholdNumber, ct);
            var clashes = new List<(int Line, Guid HouseholdId)>();
            progress.Time("load registered households", watch.Elapsed);
            watch.Restart();

            var newHouseholds = new List<Household>();
            var newMembers = new List<Member>();
            foreach (var p in chunk)
            {
                var ex = existing.GetValueOrDefault(p.Part.Number);
                foreach (var r in p.Rows!)
                {
                    if (registered.Holders.TryGetValue(r.IdNumber, out var holder) && holder.HouseholdId != ex?.Id)
                    {
                        clashes.Add((r.Line, holder.HouseholdId));
                    }
                }
                if (ex is null)
                {
                    var h = NewHousehold(p, today, now, guids);
                    newHouseholds.Add(h);
                    newMembers.AddRange(h.Members);
                    created++;
                    membersCreated += h.Members.Count;
                    continue;
                }
                if (string.Compare(ex.RegionCode, low, StringComparison.Ordinal) < 0 || string.Compare(ex.RegionCode, high, StringComparison.Ordinal) > 0)
                {
                    errors.Add(p.FirstRow, $"户编号{p.Part.Number}已被您管辖范围以外的农户使用");
                    continue;
                }
                if (ex.RegionCode != p.RegionCode)
                {
                    errors.Add(p.FirstRow, $"户编号{p.Part.Number}已登记在区划{ex.RegionCode}，导入不能变更所属村，请在系统中办理");
                    continue;
                }
                if (ex.Status == HouseholdStatus.Removed)
                {
                    errors.Add(p.FirstRow, $"户编号{p.Part.Number}已清退，不能通过导入更新");
                    continue;
                }
                var (memberChanges, memberAdds, changed) = Merge(db, parser, p, ex, today, errors);
                membersUpdated += memberChanges;
                membersCreated += memberAdds;
                if (changed)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            if (clashes.Count > 0)
            {
                var holderIds = clashes.Select(c => c.HouseholdId).Distinct().ToList();
                var holderNumbers = await db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => holderIds.Contains(h.Id))
                    .ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, ct);
                foreach (var (clashLine, holder) in clashes)
                {
                    errors.Add(clashLine, $"证件号码已是户编号{holderNumbers.GetValueOrDefault(holder)}的在册成员（一人只能在一户中在册）");
                }
            }
            progress.Time("compare and build rows", watch.Elapsed);
            if (errors.Count == 0)
            {
                watch.Restart();
                await BulkWriter.InsertAsync(db, newHouseholds, ct);
                await BulkWriter.InsertAsync(db, newMembers, ct);
                progress.Time("insert households and members", watch.Elapsed);
                watch.Restart();
                await db.SaveChangesAsync(ct);
                progress.Time("save changed rows (EF, audited)", watch.Elapsed);
                progress.Written(chunk.Sum(p => p.Rows!.Count));
            }
            db.ChangeTracker.Clear();
        }

        if (errors.Count > 0)
        {
            return new Result(null, null, errors.Joined(), headerRow); // the session rolls back
        }
        var summary = new Summary(rowCount, households.Count, created, updated, membersCreated, membersUpdated, unchanged);
        AuditEvents.Add(db, clock, AuditEvent.Import, "Household", options.JobId.ToString(),
            $"导入建档立卡名册“{options.FileName}”（SHA-256 {options.Sha256[..16]}…）：{rowCount}行，{households.Count}户；新增{created}户{membersCreated}人（含既有户新增成员），" +
            $"更新{updated}户、成员{membersUpdated}人，未变化{unchanged}户", db.User.RegionCode);
        await session.CommitAsync(progress, ct);
        progress.Phase = "已完成";
        return new Result(summary, null, new Dictionary<int, string>(), headerRow);
    }

    private static Household HouseholdOf(Pending p, DateOnly today, DateTime now)
    {
        var h = new Household
        {
            Id = p.Id,
            RegionCode = p.RegionCode,
            HouseholdNumber = p.Part.Number,
            HeadName = "",
            Status = p.Part.Status ?? HouseholdStatus.NotLifted,
            StatusChangedOn = today,
            StatusReason = "名册导入",
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        HouseholdRules.Apply(p.Part.Input, h);
        h.YearLifted = h.Status == HouseholdStatus.Lifted ? p.Part.YearLifted : null;
        return h;
    }

    private static Member NewMember(Pending p, MemberInput input, Rules.ResidentIdInfo? id, DateTime now, GuidSequence guids)
    {
        var m = new Member
        {
            Id = guids.Next(),
            HouseholdId = p.Id,
            RegionCode = p.RegionCode,
            IdNumber = "",
            Name = "",
            Ethnicity = "",
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        MemberRules.Apply(input, m, id);
        return m;
    }

    private static Household NewHousehold(Pending p, DateOnly today, DateTime now, GuidSequence guids)
    {
        var h = HouseholdOf(p, today, now);
        foreach (var r in p.Rows!)
        {
            h.Members.Add(NewMember(p, r.Input, Rules.ResidentId.TryParse(r.IdNumber, today, out _), now, guids));
        }
        RegistryCommands.Recount(h, today);
        return h;
    }

    /// <summary>A household whose members were streamed: what <see cref="RegistryCommands.Recount"/> gives, from the counts kept.</summary>
    private static Household StreamedHousehold(Pending p, DateOnly today, DateTime now)
    {
        var h = HouseholdOf(p, today, now);
        h.MemberCount = p.ActiveMembers;
        h.AssuranceGaps = Assurance.AssuranceRules.HouseholdGaps(h) | p.MemberGaps;
        h.HeadName = p.HeadName;
        return h;
    }

    /// <summary>
    /// A registered household against its rows: the columns the file has overwrite the stored values;
    /// members are matched by ID number; members not in the file are left as they are (people leave the
    /// registry by a status change with its reason, not by being left out of a sheet).
    /// </summary>
    private static (int Changed, int Added, bool Touched) Merge(AppDbContext db, RowParser parser, Pending p, Household ex, DateOnly today, RowErrors errors)
    {
        // Everything is compared on the records first; only a household with a difference is attached to the
        // change tracker, and then changed, so the audit trail gets exactly the fields that differ.
        var stored = FromHousehold(ex);
        var hin = stored with { };
        var file = p.Part.Input;
        hin.Attribute = file.Attribute;
        hin.MainCause = file.MainCause;
        hin.YearIdentified = file.YearIdentified;
        if (parser.Present(Col.OtherCauses))
        {
            (hin.OtherCause1, hin.OtherCause2) = (file.OtherCause1, file.OtherCause2);
        }
        if (parser.Present(Col.Phone))
        {
            hin.Phone = file.Phone ?? "";
        }
        if (parser.Present(Col.BankName))
        {
            hin.BankName = file.BankName;
        }
        if (parser.Present(Col.BankAccount))
        {
            hin.BankAccount = file.BankAccount ?? "";
        }
        var herrors = new Errors();
        HouseholdRules.Validate(hin, today, herrors);
        if (herrors.Any)
        {
            errors.Add(p.FirstRow, "与系统中的户信息合并后：" + herrors.Summary);
            return (0, 0, false);
        }
        var yearLifted = parser.Present(Col.YearLifted) && ex.Status == HouseholdStatus.Lifted && p.Part.YearLifted is { } yl ? yl : ex.YearLifted;

        var head = ex.Members.FirstOrDefault(m => m.Status == MemberStatus.Active && m.Relation == Relation.Head);
        var fileHead = p.Rows!.First(r => r.Input.Relation == Relation.Head);
        if (head is not null && head.IdNumber != fileHead.IdNumber)
        {
            errors.Add(fileHead.Line, $"户主与系统中不一致（系统中户主为{head.Name}），户主变更请在农户页面办理");
            return (0, 0, false);
        }
        var changes = new List<(Member Member, MemberInput Merged)>();
        var additions = new List<(MemberInput Input, Rules.ResidentIdInfo? Id)>();
        foreach (var r in p.Rows!)
        {
            var m = ex.Members.FirstOrDefault(x => x.IdNumber == r.IdNumber);
            if (m is not null && m.Status != MemberStatus.Active)
            {
                errors.Add(r.Line, $"该成员在系统中为“{Labels.Of(m.Status)}”，不能通过导入恢复在册");
                continue;
            }
            var before = m is null ? null : FromMember(m);
            var merged = before is null ? r.Input : Overlay(before, r.Input, parser);
            if (before is not null && merged == before)
            {
                continue;
            }
            var merrors = new Errors();
            var id = MemberRules.Validate(merged, "", today, idRequired: m is null, merrors);
            if (merrors.Any)
            {
                errors.Add(r.Line, "与系统中的成员信息合并后：" + merrors.Summary);
                continue;
            }
            if (m is null)
            {
                additions.Add((merged, id));
            }
            else
            {
                changes.Add((m, merged));
            }
        }
        var active = ex.Members.Where(x => x.Status == MemberStatus.Active).ToList();
        var drift = active.Count != ex.MemberCount || Assurance.AssuranceRules.Gaps(ex, active, today) != ex.AssuranceGaps;
        if (hin == stored && yearLifted == ex.YearLifted && changes.Count == 0 && additions.Count == 0 && !drift)
        {
            return (0, 0, false);
        }

        db.Attach(ex);
        HouseholdRules.Apply(hin, ex);
        ex.YearLifted = yearLifted;
        foreach (var (m, merged) in changes)
        {
            MemberRules.Apply(merged with { IdNumber = null }, m, null);
        }
        foreach (var (input, id) in additions)
        {
            var m = new Member { Id = Guid.CreateVersion7(), HouseholdId = ex.Id, RegionCode = ex.RegionCode, IdNumber = "", Name = "", Ethnicity = "" };
            MemberRules.Apply(input, m, id);
            ex.Members.Add(m);
            db.Members.Add(m);
        }
        var composition = new Errors();
        MemberRules.CheckComposition(ex.Members.Where(x => x.Status == MemberStatus.Active).ToList(), "composition", composition);
        if (composition.Any)
        {
            errors.Add(p.FirstRow, $"户编号{p.Part.Number}：{composition.Summary}");
        }
        RegistryCommands.Recount(ex, today);
        return (changes.Count, additions.Count, true);
    }

    private static HouseholdInput FromHousehold(Household h) => new()
    {
        GroupId = h.GroupId,
        Phone = h.Phone ?? "",
        Address = h.Address,
        Latitude = h.Latitude,
        Longitude = h.Longitude,
        BankName = h.BankName,
        BankAccount = h.BankAccount ?? "",
        Attribute = h.Attribute,
        MainCause = h.MainCause,
        OtherCause1 = h.OtherCause1,
        OtherCause2 = h.OtherCause2,
        Standard = h.Standard,
        YearIdentified = h.YearIdentified,
        PlannedExitYear = h.PlannedExitYear,
        HousingGrade = h.HousingGrade,
        HousingRenovated = h.HousingRenovated,
        HousingAreaM2 = h.HousingAreaM2,
        Water = h.Water,
        ArableLandMu = h.ArableLandMu,
        IsMilitaryFamily = h.IsMilitaryFamily,
        IsOnlyChildFamily = h.IsOnlyChildFamily,
        IsTwoDaughterFamily = h.IsTwoDaughterFamily,
    };

    private static MemberInput FromMember(Member m) => new()
    {
        IdNumber = m.IdNumber,
        Name = m.Name,
        Relation = m.Relation,
        Ethnicity = m.Ethnicity,
        Education = m.Education,
        SchoolStage = m.SchoolStage,
        OutOfSchoolReason = m.OutOfSchoolReason,
        Health = m.Health,
        DisabilityGrade = m.DisabilityGrade,
        Labour = m.Labour,
        WorkPlace = m.WorkPlace,
        WorkMonths = m.WorkMonths,
        MedicalInsurance = m.MedicalInsurance,
        SeriousIllnessInsurance = m.SeriousIllnessInsurance,
        Pension = m.Pension,
        FamilyDoctorSigned = m.FamilyDoctorSigned,
        Phone = m.Phone ?? "",
        Entry = m.Entry,
        EntryYear = m.EntryYear,
    };

    /// <summary>The file's values for the columns it has; the stored values for the others.</summary>
    private static MemberInput Overlay(MemberInput stored, MemberInput file, RowParser parser)
    {
        var r = stored with { Name = file.Name, Relation = file.Relation };
        if (parser.Present(Col.Ethnicity))
        {
            r.Ethnicity = file.Ethnicity;
        }
        if (parser.Present(Col.Education) || parser.Present(Col.SchoolStage))
        {
            (r.Education, r.SchoolStage) = (file.Education, file.SchoolStage);
        }
        if (parser.Present(Col.Health))
        {
            r.Health = file.Health;
        }
        if (parser.Present(Col.DisabilityGrade))
        {
            r.DisabilityGrade = file.DisabilityGrade;
        }
        if (parser.Present(Col.Labour))
        {
            r.Labour = file.Labour;
        }
        if (parser.Present(Col.WorkPlace) || parser.Present(Col.WorkMonths))
        {
            (r.WorkPlace, r.WorkMonths) = (file.WorkPlace, file.WorkMonths);
        }
        if (parser.Present(Col.MedicalInsurance) || parser.Present(Col.ResidentMedical) || parser.Present(Col.EmployeeMedical))
        {
            r.MedicalInsurance = file.MedicalInsurance;
        }
        if (parser.Present(Col.Pension) || parser.Present(Col.ResidentPension) || parser.Present(Col.EmployeePension))
        {
            r.Pension = file.Pension;
        }
        if (parser.Present(Col.SeriousIllness))
        {
            r.SeriousIllnessInsurance = file.SeriousIllnessInsurance;
        }
        if (parser.Present(Col.FamilyDoctor))
        {
            r.FamilyDoctorSigned = file.FamilyDoctorSigned;
        }
        if (parser.Present(Col.MemberPhone))
        {
            r.Phone = file.Phone ?? "";
        }
        return r;
    }
}
