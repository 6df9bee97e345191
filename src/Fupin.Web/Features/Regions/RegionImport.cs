using Fupin.Web.Data;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Import;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Regions;

/// <summary>
/// A county's 统计用区划代码 list (the statistics bureau's file), all or nothing like the registry import: columns
/// 统计用区划代码 (12 digits) and 名称, optional 城乡分类代码 and 自然村/村民小组 (one group per row under its village).
/// The hierarchy comes from the code; a file may start at the county row, and the province and city above it are
/// created from their codes when missing. Units already registered are matched by code: a new name is a rename
/// with history, the same file again changes nothing.
/// </summary>
public static class RegionImport
{
    private static readonly string[] CodeHeaders = ["统计用区划代码", "区划代码", "行政区划代码", "代码"];
    private static readonly string[] NameHeaders = ["名称", "区划名称", "单位名称"];
    private static readonly string[] UrbanRuralHeaders = ["城乡分类代码", "城乡分类"];
    private static readonly string[] GroupHeaders = ["自然村/村民小组", "自然村", "村民小组", "自然村（村民小组）"];

    /// <summary>城乡分类代码 of 《统计用区划和城乡划分代码》: 111 主城区 … 220 村庄.</summary>
    public static readonly string[] UrbanRuralCodes = ["111", "112", "121", "122", "123", "210", "220"];

    /// <summary>Province names by the first two digits (GB/T 2260), for the levels a county's file does not list.</summary>
    private static readonly Dictionary<string, string> Provinces = new()
    {
        ["11"] = "北京市",
        ["12"] = "天津市",
        ["13"] = "河北省",
        ["14"] = "山西省",
        ["15"] = "内蒙古自治区",
        ["21"] = "辽宁省",
        ["22"] = "吉林省",
        ["23"] = "黑龙江省",
        ["31"] = "上海市",
        ["32"] = "江苏省",
        ["33"] = "浙江省",
        ["34"] = "安徽省",
        ["35"] = "福建省",
        ["36"] = "江西省",
        ["37"] = "山东省",
        ["41"] = "河南省",
        ["42"] = "湖北省",
        ["43"] = "湖南省",
        ["44"] = "广东省",
        ["45"] = "广西壮族自治区",
        ["46"] = "海南省",
        ["50"] = "重庆市",
        ["51"] = "四川省",
        ["52"] = "贵州省",
        ["53"] = "云南省",
        ["54"] = "西藏自治区",
        ["61"] = "陕西省",
        ["62"] = "甘肃省",
        ["63"] = "青海省",
        ["64"] = "宁夏回族自治区",
        ["65"] = "新疆维吾尔自治区",
    };

    private static int Find(IReadOnlyList<string?> header, string[] names)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var h = (header[i] ?? "").Trim().TrimStart('*');
            if (names.Any(n => h == n))
            {
                return i;
            }
        }
        return -1;
    }

    private static int Score(IReadOnlyList<string?> header) =>
        (Find(header, CodeHeaders) >= 0 ? 1 : 0) + (Find(header, NameHeaders) >= 0 ? 1 : 0);

    private sealed record Row(int Line, string Code, string Name, string? UrbanRural, string? Group);

    public static async Task<RegistryImport.Result> RunAsync(AppDbContext db, TimeProvider clock, string path, SheetReader.Kind kind,
        RegistryImport.Options options, RegistryImport.Progress progress, CancellationToken ct)
    {
        progress.Phase = "校验中";
        using var sheet = SheetReader.OpenAtHeader(path, kind, Score, minimum: 2);
        if (sheet is null)
        {
            return Problem("没有找到表头：前10行中没有一行同时含有“统计用区划代码”和“名称”两列。", 0);
        }
        var headerRow = sheet.HeaderRow;
        int codeAt = Find(sheet.Header, CodeHeaders), nameAt = Find(sheet.Header, NameHeaders);
        int urbanAt = Find(sheet.Header, UrbanRuralHeaders), groupAt = Find(sheet.Header, GroupHeaders);

        var errors = new RowErrors();
        var rows = new List<Row>();
        var firstRowOf = new Dictionary<string, Row>(StringComparer.Ordinal);
        var line = headerRow;
        foreach (var cells in sheet.DataRows())
        {
            line++;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count >= options.MaxRows)
            {
                return Problem($"文件超过{options.MaxRows}行的上限", headerRow);
            }
            string Cell(int i) => i >= 0 && i < cells.Length ? RowParser.Clean(cells[i]) : "";
            var code = Cell(codeAt).Replace(" ", "", StringComparison.Ordinal);
            var name = Cell(nameAt);
            var urban = Cell(urbanAt);
            var group = Cell(groupAt);
            if (!RegionCodes.IsWellFormed(code) || RegionCodes.LevelOf(code) == RegionLevel.Nation)
            {
                errors.Add(line, $"统计用区划代码“{code}”应为12位数字（省2位、市2位、县2位、乡镇3位、村3位）");
            }
            if (name.Length == 0)
            {
                errors.Add(line, "请填写名称");
            }
            else if (name.Length > 60)
            {
                errors.Add(line, "名称不能超过60个字");
            }
            if (urban.Length > 0 && !UrbanRuralCodes.Contains(urban))
            {
                errors.Add(line, $"城乡分类代码“{urban}”不是有效值（{string.Join("、", UrbanRuralCodes)}）");
            }
            if (group.Length > 60)
            {
                errors.Add(line, "自然村/村民小组名称不能超过60个字");
            }
            if (RegionCodes.IsWellFormed(code))
            {
                var level = RegionCodes.LevelOf(code);
                if (group.Length > 0 && level != RegionLevel.Village)
                {
                    errors.Add(line, "自然村/村民小组只能填在行政村（村级代码）的行上");
                }
                if (firstRowOf.TryGetValue(code, out var first))
                {
                    if (first.Name != name)
                    {
                        errors.Add(line, $"区划代码与第{first.Line}行相同，名称却不同（“{first.Name}”）");
                    }
                    else if (group.Length == 0)
                    {
                        errors.Add(line, $"区划代码与第{first.Line}行重复");
                    }
                }
            }
            var row = new Row(line, code, name, urban.Length > 0 ? urban : null, group.Length > 0 ? group : null);
            firstRowOf.TryAdd(code, row);
            rows.Add(row);
            progress.Checked();
        }
        progress.RowsTotal = rows.Count;
        if (rows.Count == 0)
        {
            return Problem("文件中没有数据行", headerRow);
        }

        // The units the importer may change: those in its scope (the national system administrator's is every code).
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, ct);
        var scope = db.User.ScopePrefix ?? "~";
        // Every township and village needs its parent, from the file or already registered; above the county,
        // missing levels are made from their codes.
        foreach (var row in firstRowOf.Values.Where(r => RegionCodes.IsWellFormed(r.Code)))
        {
            var level = RegionCodes.LevelOf(row.Code);
            if (!row.Code.StartsWith(scope, StringComparison.Ordinal))
            {
                errors.Add(row.Line, $"区划代码“{row.Code}”不在您的管辖范围内");
                continue;
            }
            if (existing.TryGetValue(row.Code, out var known) && known.RetiredOn is { } retired)
            {
                errors.Add(row.Line, $"区划“{known.Name}”已于{retired:yyyy-MM-dd}撤销{(known.MergedInto is { } into ? $"（并入{into}）" : "")}，不能再导入");
            }
            if (level >= RegionLevel.Township)
            {
                var parent = RegionCodes.AncestorAt(row.Code, level - 1);
                if (!firstRowOf.ContainsKey(parent) && !existing.ContainsKey(parent))
                {
                    errors.Add(row.Line, $"上级区划“{parent}”不在文件中，也没有登记过：请把上级{(level == RegionLevel.Village ? "乡镇" : "县")}的行一并导入");
                }
            }
        }
        if (errors.Count > 0)
        {
            return new(null, null, errors.Joined(), headerRow);
        }

        progress.Phase = "写入中";
        var now = clock.GetUtcNow().UtcDateTime;
        var user = db.User.UserName;
        int created = 0, renamed = 0, groupsAdded = 0, unchanged = 0;
        var sortOrder = existing.Count == 0 ? 0 : existing.Values.Max(r => r.SortOrder) + 1;
        void Create(string code, string name, string? urban, string detail)
        {
            var level = RegionCodes.LevelOf(code);
            var region = new Region
            {
                Code = code,
                Name = name,
                Level = level,
                ParentCode = level > RegionLevel.Province ? RegionCodes.AncestorAt(code, level - 1) : null,
                UrbanRuralCode = urban,
                SortOrder = sortOrder++,
            };
            existing[code] = region;
            db.Regions.Add(region);
            db.Add(new RegionChange { RegionCode = code, At = now, Kind = RegionChangeKind.Created, NewName = name, Detail = detail, UserName = user });
            created++;
        }
        // The province and city above a county may lie outside a county administrator's scope: asked apart.
        var ancestors = firstRowOf.Keys.SelectMany(c => Enumerable.Range((int)RegionLevel.Province, Math.Max(0, Math.Min((int)RegionCodes.LevelOf(c), (int)RegionLevel.Township) - 1))
            .Select(l => RegionCodes.AncestorAt(c, (RegionLevel)l))).Distinct().ToList();
        var registered = await RegionNames.RegisteredAsync(db, ancestors, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in firstRowOf.Values.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var level = RegionCodes.LevelOf(row.Code);
            for (var up = RegionLevel.Province; up < level && up < RegionLevel.Township; up++)
            {
                var code = RegionCodes.AncestorAt(row.Code, up);
                if (!existing.ContainsKey(code) && !firstRowOf.ContainsKey(code) && registered.Add(code))
                {
                    var prefix = code[..RegionCodes.PrefixLength(up)];
                    var name = up == RegionLevel.Province ? Provinces.GetValueOrDefault(prefix, $"省级区划{prefix}") : $"市级区划{prefix}";
                    Create(code, name, null, $"由导入文件“{options.FileName}”中下级区划的代码补建");
                }
            }
            if (!existing.TryGetValue(row.Code, out var region))
            {
                Create(row.Code, row.Name, row.UrbanRural, $"导入“{options.FileName}”");
                continue;
            }
            var changed = false;
            if (region.Name != row.Name)
            {
                db.Add(new RegionChange
                {
                    RegionCode = row.Code,
                    At = now,
                    Kind = RegionChangeKind.Renamed,
                    OldName = region.Name,
                    NewName = row.Name,
                    Detail = $"导入“{options.FileName}”",
                    UserName = user,
                });
                region.Name = row.Name;
                renamed++;
                changed = true;
            }
            if (row.UrbanRural is not null && region.UrbanRuralCode != row.UrbanRural)
            {
                region.UrbanRuralCode = row.UrbanRural;
                changed = true;
            }
            unchanged += changed ? 0 : 1;
        }
        var groups = (await db.VillageGroups.Select(g => new { g.RegionCode, g.Name, g.SortOrder }).ToListAsync(ct))
            .GroupBy(g => g.RegionCode).ToDictionary(g => g.Key, g => (Names: g.Select(x => x.Name).ToHashSet(), Next: g.Max(x => x.SortOrder) + 1));
        foreach (var row in rows.Where(r => r.Group is not null))
        {
            var (names, next) = groups.GetValueOrDefault(row.Code, ([], 0));
            if (names.Add(row.Group!))
            {
                db.VillageGroups.Add(new VillageGroup { Id = Guid.CreateVersion7(), RegionCode = row.Code, Name = row.Group!, SortOrder = next++ });
                groupsAdded++;
            }
            groups[row.Code] = (names, next);
        }
        AuditEvents.Add(db, clock, AuditEvent.Import, nameof(Region), options.JobId.ToString(),
            $"导入区划“{options.FileName}”（SHA-256 {options.Sha256[..16]}…）：新增{created}个，更名{renamed}个，新增自然村/村民小组{groupsAdded}个");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        progress.Written(rows.Count);
        return new(new RegistryImport.Summary(rows.Count, firstRowOf.Count, created, renamed, groupsAdded, 0, unchanged), null,
            new Dictionary<int, string>(), headerRow);

        static RegistryImport.Result Problem(string message, int header) => new(null, message, new Dictionary<int, string>(), header);
    }

    /// <summary>The job's closing message for a region import.</summary>
    public static string Message(RegistryImport.Summary s) =>
        s.HouseholdsCreated + s.HouseholdsUpdated + s.MembersCreated == 0
            ? $"导入成功：{s.Households}个区划与系统中一致，没有变化"
            : $"导入成功：新增区划{s.HouseholdsCreated}个，更名{s.HouseholdsUpdated}个，新增自然村/村民小组{s.MembersCreated}个，未变化{s.HouseholdsUnchanged}个";

    /// <summary>A template: the header and two example rows.</summary>
    public static Task<byte[]> TemplateAsync(CancellationToken ct) =>
        Shared.XlsxWriter.ToBytesAsync("区划", ["统计用区划代码", "名称", "城乡分类代码", "自然村/村民小组"],
            [["460105101000", "西秀镇", "", ""], ["460105101201", "马坡村", "220", "一组"]], ct);
}
