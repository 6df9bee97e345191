using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Import;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fupin.Tests.Import;

public sealed class ImportRulesTests
{
    [Theory]
    [InlineData("证件号码", Col.IdNumber)]
    [InlineData(" *身份证号码 ", Col.IdNumber)]
    [InlineData("乡（镇）", Col.Township)]
    [InlineData("务工时间(月)", Col.WorkMonths)]
    [InlineData("致贫原因1", Col.MainCause)]
    [InlineData("户联系电话", Col.Phone)]
    public void Headers_match_by_name_and_common_variants(string header, Col expected) => Assert.Equal(expected, ImportColumns.Match(header));

    [Fact]
    public void A_header_without_the_required_columns_says_which_are_missing()
    {
        var (_, problems) = ImportColumns.MapHeader(["户编号", "姓名"]);
        Assert.Contains("缺少必需的列“证件号码”", problems);
        Assert.Contains("缺少所属村：请提供“所属区划代码”列，或“乡(镇)”和“行政村”两列", problems);
    }

    [Theory]
    [InlineData("2016", 2016)]
    [InlineData("2016年", 2016)]
    [InlineData("201603", 2016)]
    [InlineData("2016-03-01", 2016)]
    [InlineData("16", null)]
    public void Years_are_read_from_the_forms_sheets_use(string text, int? year) => Assert.Equal(year, CodeText.Year(text));

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", true)]
    [InlineData("999999999999999999", true)]
    [InlineData("11010519491231002x", false)] // only the normalised upper-case X is packed; the rest is kept as text
    [InlineData("110105491231002", false)]
    [InlineData("E12345678", false)]
    public void File_ids_pack_resident_ids_and_keep_anything_else_by_text(string id, bool packs)
    {
        Assert.Equal(packs, FileIds.TryPack(id.AsSpan(), out _));
        Assert.Equal(packs, FileIds.TryPack(System.Text.Encoding.UTF8.GetBytes(id).AsSpan(), out _));
        var ids = new FileIds();
        Assert.True(ids.TryAdd(id, 7, 3, out _));
        Assert.False(ids.TryAdd(id, 9, 4, out var first));
        Assert.Equal(7, first);
        Assert.True(ids.TryGet(id.AsSpan(), out var byText));
        Assert.True(ids.TryGet(System.Text.Encoding.UTF8.GetBytes(id).AsSpan(), out var byBytes));
        Assert.Equal((7, 3), byText);
        Assert.Equal(byText, byBytes);
        Assert.False(ids.TryGet("110105194912310037".AsSpan(), out _));
    }

    [Fact]
    public void File_ids_grow_past_their_first_size_and_keep_every_number()
    {
        var ids = new FileIds();
        var numbers = Enumerable.Range(0, 50_000).Select(i => Fupin.Web.Rules.ResidentId.Compose("460105", new DateOnly(1950, 1, 1).AddDays(i / 900), i % 900)).ToList();
        numbers.Add("000000000000000000"); // packs to 0
        for (var i = 0; i < numbers.Count; i++)
        {
            Assert.True(ids.TryAdd(numbers[i], i + 2, i, out _), numbers[i]);
        }
        for (var i = 0; i < numbers.Count; i += 7)
        {
            Assert.False(ids.TryAdd(numbers[i], 999_999, 0, out var first));
            Assert.Equal(i + 2, first);
            Assert.True(ids.TryGet(numbers[i].AsSpan(), out var found));
            Assert.Equal((i + 2, i), found);
        }
        Assert.False(ids.TryGet(Fupin.Web.Rules.ResidentId.Compose("460106", new DateOnly(1950, 1, 1), 1).AsSpan(), out _));
        ids.Clear();
        Assert.False(ids.TryGet(numbers[0].AsSpan(), out _));
        Assert.True(ids.TryAdd(numbers[0], 5, 1, out _));
    }

    [Fact]
    public void Packed_ids_differ_where_the_numbers_differ()
    {
        FileIds.TryPack("11010519491231002X".AsSpan(), out var x);
        FileIds.TryPack("110105194912310020".AsSpan(), out var zero);
        FileIds.TryPack("110105194912310029".AsSpan(), out var nine);
        FileIds.TryPack("110105194912310030".AsSpan(), out var nextZero);
        Assert.Equal(4, new[] { x, zero, nine, nextZero }.Distinct().Count());
        Assert.True(zero < nine && nine < x && x < nextZero);
    }

    [Fact]
    public void National_labels_map_to_codes()
    {
        Assert.True(CodeText.TryParse<Education>("大专及以上", out var e));
        Assert.Equal(Education.College, e);
        Assert.True(CodeText.TryParse<SchoolStage>("八年级", out var s));
        Assert.Equal(SchoolStage.JuniorHigh, s);
        Assert.True(CodeText.TryParse<Relation>("之子", out var r));
        Assert.Equal(Relation.Son, r);
    }

    [Fact]
    public void Gb18030_text_is_told_from_utf8()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes("户编号,姓名\n1,黎明\n"));
            Assert.Equal("GB18030", SheetReader.DetectEncoding(path).WebName.ToUpperInvariant());
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes("户编号,姓名\n1,黎明\n"));
            Assert.Equal(65001, SheetReader.DetectEncoding(path).CodePage);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Uploads through the API, as a county office would, and waits for the background job.</summary>
public abstract class ImportApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "户编号,乡(镇),行政村,户主姓名,与户主关系,姓名,证件号码,民族,文化程度,在校生状况,健康状况,劳动技能,参加医疗保险,户属性,主要致贫原因,识别年度,联系电话,银行账号";

    private sealed record Person(string Number, string Head, string Relation, string Name, string Id, string Education = "初中", string Village = "马坡村", string Town = "西秀镇");

    /// <summary>Households of one head and <paramref name="others"/> children each, with new numbers and new IDs.</summary>
    private static List<Person> People(int households, int others = 2)
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..8];
        var list = new List<Person>();
        for (var h = 0; h < households; h++)
        {
            var number = $"{prefix}{h:D4}";
            var head = $"户主{h}";
            list.Add(new(number, head, "户主", head, TestData.NewId(Sex.Male, 1970)));
            for (var o = 0; o < others; o++)
            {
                list.Add(new(number, head, "之子", $"子{h}-{o}", TestData.NewId(Sex.Male, 2000)));
            }
        }
        return list;
    }

    private static string Csv(IEnumerable<Person> people) =>
        Header + "\n" + string.Join("\n", people.Select(p =>
            $"{p.Number},{p.Town},{p.Village},{p.Head},{p.Relation},{p.Name},{p.Id},汉族,{p.Education},,健康,普通劳动力,城乡居民基本医疗保险,一般贫困户,因病,2016,13812345678,\t6217000012341234")) + "\n";

    private Task<(HttpStatusCode Status, ImportsApi.JobView? Job, string Body)> UploadAsync(HttpClient client, byte[] content, string fileName) =>
        client.UploadAndWaitAsync("/api/v1/imports", "/api/v1/imports", content, fileName, Ct);

    private async Task<ImportsApi.JobView> ImportCsvAsync(HttpClient client, IEnumerable<Person> people, Encoding? encoding = null)
    {
        var (status, job, body) = await UploadAsync(client, (encoding ?? new UTF8Encoding(true)).GetBytes(Csv(people)), "名册.csv");
        Assert.True(status == HttpStatusCode.Accepted, body);
        return job!;
    }

    private async Task<int> CountAsync(IEnumerable<string> numbers)
    {
        await using var db = app.SystemDb();
        var list = numbers.Distinct().ToList();
        return await db.Households.CountAsync(h => list.Contains(h.HouseholdNumber), Ct);
    }

    [Fact]
    public async Task A_valid_file_lands_whole()
    {
        var client = await app.ClientAsync();
        var people = People(20);
        var job = await ImportCsvAsync(client, people);
        Assert.Equal(ImportState.Succeeded, job.State);
        Assert.Equal(60, job.RowsTotal);
        Assert.Equal(20, job.HouseholdsCreated);
        Assert.Equal(60, job.MembersCreated);
        Assert.Equal(60, job.RowsWritten);
        Assert.Equal(20, await CountAsync(people.Select(p => p.Number)));

        await using var db = app.SystemDb();
        var first = await db.Households.Include(h => h.Members).SingleAsync(h => h.HouseholdNumber == people[0].Number, Ct);
        Assert.Equal(3, first.MemberCount);
        Assert.Equal("户主0", first.HeadName);
        Assert.Equal(TestData.VillageA, first.RegionCode);
        Assert.Equal("6217000012341234", first.BankAccount);
        Assert.Equal(people[0].Id, first.Members.Single(m => m.Relation == Relation.Head).IdNumber);
        Assert.Equal("名册导入", first.StatusReason);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == "Import" && a.EntityKey == job.Id.ToString(), Ct));

        var history = await client.GetFromJsonAsync<Fupin.Web.Shared.Paged<ImportsApi.JobView>>("/api/v1/imports", FupinApp.Json, Ct);
        var listed = Assert.Single(history!.Items, j => j.Id == job.Id);
        Assert.Equal("名册.csv", listed.FileName);
        Assert.Equal(64, listed.Sha256.Length);
    }

    [Fact]
    public async Task Rows_of_a_household_far_apart_in_the_file_are_one_household()
    {
        // Heads first, then every first child, then every second child: each household's rows are 1,600 rows
        // apart (and past the first 4,000 households' chunk of the write).
        var client = await app.ClientAsync();
        var people = People(1600);
        var interleaved = people.Select((p, i) => (p, i)).OrderBy(x => x.i % 3).ThenBy(x => x.i).Select(x => x.p).ToList();
        var job = await ImportCsvAsync(client, interleaved);
        Assert.True(job.State == ImportState.Succeeded, job.Message);
        Assert.Equal(1600, job.HouseholdsCreated);
        Assert.Equal(4800, job.MembersCreated);
        await using var db = app.SystemDb();
        var lastNumber = people[^1].Number;
        var last = await db.Households.SingleAsync(h => h.HouseholdNumber == lastNumber, Ct);
        Assert.Equal(3, last.MemberCount);
        Assert.Equal(people[^1].Head, last.HeadName);

        // A household column that differs on a row far from the household's first row is named on that row.
        var again = People(1600);
        var spread = again.Select((p, i) => (p, i)).OrderBy(x => x.i % 3).ThenBy(x => x.i).Select(x => x.p).ToList();
        var row = 4400; // household 1,200's second child (file row 4,402); its head is on row 1,202
        spread[row] = spread[row] with { Head = "别人" };
        var failed = await ImportCsvAsync(client, spread);
        Assert.Equal(ImportState.Failed, failed.State);
        Assert.Equal(1, failed.ErrorRows);
        Assert.Contains($"第{row + 2}行", failed.Message);
        Assert.Contains("与本户第", failed.Message);
        Assert.Equal(0, await CountAsync(again.Select(p => p.Number)));
    }

    [Fact]
    public async Task One_bad_row_among_many_writes_nothing_and_the_report_names_the_row_and_the_reason()
    {
        var client = await app.ClientAsync();
        var people = People(30);
        var bad = people[40];
        people[40] = bad with { Id = bad.Id[..17] + (bad.Id[17] == '0' ? '1' : '0') };
        var job = await ImportCsvAsync(client, people);

        Assert.Equal(ImportState.Failed, job.State);
        Assert.Equal(1, job.ErrorRows);
        Assert.Equal(0, await CountAsync(people.Select(p => p.Number)));
        Assert.Contains("第42行", job.Message); // header is row 1: person 40 is row 42
        Assert.True(job.HasReport);

        var report = await client.GetByteArrayAsync($"/api/v1/imports/{job.Id}/errors", Ct);
        using var stream = new MemoryStream(report);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(90, rows.Count);
        var flagged = Assert.Single(rows, r => !string.IsNullOrEmpty(r[ImportReport.ErrorHeader]?.ToString()));
        Assert.Equal("42", flagged["行号"]?.ToString());
        Assert.Contains("证件号码", flagged[ImportReport.ErrorHeader]!.ToString());
        Assert.Contains("校验位", flagged[ImportReport.ErrorHeader]!.ToString());
        Assert.Equal(bad.Name, flagged["姓名"]?.ToString());
    }

    [Fact]
    public async Task The_same_file_twice_changes_nothing_and_one_changed_field_updates_exactly_that_field()
    {
        var client = await app.ClientAsync();
        var people = People(10);
        Assert.Equal(ImportState.Succeeded, (await ImportCsvAsync(client, people)).State);
        var numbers = people.Select(p => p.Number).Distinct().ToList();

        async Task<List<string>> SnapshotAsync()
        {
            await using var db = app.SystemDb();
            var h = await db.Households.AsNoTracking().Where(x => numbers.Contains(x.HouseholdNumber))
                .Select(x => $"{x.Id}:{x.Version}:{x.UpdatedAt:O}:{x.MemberCount}:{x.HeadName}").ToListAsync(Ct);
            var ids = people.Select(p => p.Id).ToList();
            var m = await db.Members.AsNoTracking().Where(x => ids.Contains(x.IdNumber))
                .Select(x => $"{x.Id}:{x.Version}:{x.UpdatedAt:O}:{x.Education}").ToListAsync(Ct);
            return [.. h.Concat(m).Order()];
        }

        var before = await SnapshotAsync();
        var again = await ImportCsvAsync(client, people);
        Assert.Equal(ImportState.Succeeded, again.State);
        Assert.Equal(0, again.HouseholdsCreated + again.HouseholdsUpdated + again.MembersCreated + again.MembersUpdated);
        Assert.Equal(10, again.HouseholdsUnchanged);
        Assert.Equal(before, await SnapshotAsync());

        // One field of one member changes: exactly that field is written, versioned and audited.
        var target = people[4];
        people[4] = target with { Education = "高中" };
        var changed = await ImportCsvAsync(client, people);
        Assert.Equal(1, changed.MembersUpdated);
        Assert.Equal(1, changed.HouseholdsUpdated);
        Assert.Equal(9, changed.HouseholdsUnchanged);
        await using var db = app.SystemDb();
        var member = await db.Members.SingleAsync(m => m.IdNumber == target.Id, Ct);
        Assert.Equal(Education.SeniorHigh, member.Education);
        Assert.Equal(2, member.Version);
        var trail = await db.AuditEntries.Where(a => a.EntityKey == member.Id.ToString() && a.Action == Fupin.Web.Features.Audit.AuditAction.Updated).ToListAsync(Ct);
        var line = Assert.Single(trail);
        Assert.Equal("Education", line.Field);
        Assert.Equal("JuniorHigh", line.OldValue);
        Assert.Equal("SeniorHigh", line.NewValue);
        Assert.Equal(member.HouseholdId, line.HouseholdId);
        var after = await SnapshotAsync();
        Assert.Single(after.Except(before));
    }

    [Fact]
    public async Task A_row_outside_the_users_scope_is_refused()
    {
        var cadre = await app.ClientAsync("mapo");
        var people = People(3);
        people[3] = people[3] with { Town = "东山镇", Village = "城西村" };
        people[4] = people[4] with { Town = "东山镇", Village = "城西村" };
        people[5] = people[5] with { Town = "东山镇", Village = "城西村" };
        var job = await ImportCsvAsync(cadre, people);
        Assert.Equal(ImportState.Failed, job.State);
        Assert.Contains("不存在或不在您的管辖范围内", job.Message);
        Assert.Equal(0, await CountAsync(people.Select(p => p.Number)));
    }

    [Fact]
    public async Task A_head_row_with_an_unknown_village_is_the_only_fault_named_for_its_household()
    {
        var client = await app.ClientAsync();
        var people = People(2);
        people[0] = people[0] with { Village = "无此村" };
        people[1] = people[1] with { Village = "无此村" };
        var job = await ImportCsvAsync(client, people);
        Assert.Equal(ImportState.Failed, job.State);
        var report = await client.GetByteArrayAsync($"/api/v1/imports/{job.Id}/errors", Ct);
        using var stream = new MemoryStream(report);
        var errors = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => r["行号"]!.ToString()!, r => r[ImportReport.ErrorHeader]?.ToString() ?? "");
        // Row 2 (the head) names the village; row 3 (the same columns) is not blamed again, nor for a missing head;
        // row 4 (another village) differs from row 2, which is true; household 2 (rows 5–7) is fine.
        Assert.Contains("不存在或不在您的管辖范围内", errors["2"]);
        Assert.DoesNotContain(errors.Values, e => e.Contains("没有户主"));
        Assert.False(errors.TryGetValue("3", out var third) && third.Length > 0, third);
        Assert.Contains("与本户第2行不一致", errors["4"]);
        Assert.False(errors.TryGetValue("5", out var fifth) && fifth.Length > 0, fifth);
    }

    [Fact]
    public async Task Duplicates_within_the_file_and_against_registered_people_and_heads_are_checked()
    {
        var client = await app.ClientAsync();
        var people = People(4);
        people[2] = people[2] with { Id = people[1].Id }; // the same person twice
        people[3] = people[3] with { Relation = "之子" }; // household 1 without a head
        var job = await ImportCsvAsync(client, people);
        Assert.Equal(ImportState.Failed, job.State);
        var report = await client.GetByteArrayAsync($"/api/v1/imports/{job.Id}/errors", Ct);
        using var stream = new MemoryStream(report);
        var errors = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .ToDictionary(r => r["行号"]!.ToString()!, r => r[ImportReport.ErrorHeader]?.ToString() ?? "");
        Assert.Contains("与第3行重复", errors["4"]);
        Assert.Contains("没有户主", errors["5"]);

        // A person already registered in another household.
        var registered = People(1);
        Assert.Equal(ImportState.Succeeded, (await ImportCsvAsync(client, registered)).State);
        var other = People(1);
        other[1] = other[1] with { Id = registered[1].Id };
        var clash = await ImportCsvAsync(client, other);
        Assert.Equal(ImportState.Failed, clash.State);
        Assert.Contains("已是户编号" + registered[0].Number + "的在册成员", clash.Message);
    }

    [Fact]
    public async Task A_gb18030_file_with_the_national_layout_lands()
    {
        var client = await app.ClientAsync();
        var people = People(2, others: 1);
        var text = "已脱贫人口名单\n数据日期：2026-11-01\n" +
                   "户编号,乡镇,村,户主,与户主关系,成员姓名,身份证号码,民族,文化程度,在校生状况,致贫原因1,户属性,识别时间,户联系电话\n" +
                   string.Join("\n", people.Select(p => $"{p.Number},{p.Town},{p.Village},{p.Head},{p.Relation},{p.Name},{p.Id},黎族,,八年级,因学,低保贫困户,201603,13900001111")) + "\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var (status, job, body) = await UploadAsync(client, Encoding.GetEncoding("GB18030").GetBytes(text), "国家系统导出.csv");
        Assert.True(status == HttpStatusCode.Accepted, body);
        Assert.True(job!.State == ImportState.Succeeded, job.Message);
        await using var db = app.SystemDb();
        var member = await db.Members.SingleAsync(m => m.IdNumber == people[0].Id, Ct);
        Assert.Equal("黎族", member.Ethnicity);
        Assert.Equal(SchoolStage.JuniorHigh, member.SchoolStage);
        Assert.Equal("户主0", member.Name);
    }

    [Fact]
    public async Task An_xlsx_file_lands_and_an_id_stored_as_a_number_is_explained()
    {
        var client = await app.ClientAsync();
        var people = People(3);
        var rows = people.Select(p => new Dictionary<string, object?>
        {
            ["户编号"] = p.Number,
            ["所属区划代码"] = TestData.VillageA,
            ["户主姓名"] = p.Head,
            ["与户主关系"] = p.Relation,
            ["姓名"] = p.Name,
            ["证件号码"] = p.Id,
            ["文化程度"] = "初中",
            ["户属性"] = "一般贫困户",
            ["主要致贫原因"] = "因残",
            ["识别年度"] = 2015,
        }).ToList();
        using (var ok = new MemoryStream())
        {
            await ok.SaveAsAsync(rows, cancellationToken: Ct);
            var (status, job, body) = await UploadAsync(client, ok.ToArray(), "名册.xlsx");
            Assert.True(status == HttpStatusCode.Accepted, body);
            Assert.True(job!.State == ImportState.Succeeded, job.Message);
            Assert.Equal(3, job.HouseholdsCreated);
        }

        var more = People(1);
        var numeric = more.Select(p => new Dictionary<string, object?>
        {
            ["户编号"] = p.Number,
            ["所属区划代码"] = TestData.VillageA,
            ["与户主关系"] = p.Relation,
            ["姓名"] = p.Name,
            ["证件号码"] = double.Parse(p.Id[..17], System.Globalization.CultureInfo.InvariantCulture) * 10,
            ["文化程度"] = "初中",
            ["户属性"] = "一般贫困户",
            ["主要致贫原因"] = "因残",
            ["识别年度"] = 2015,
        }).ToList();
        using var bad = new MemoryStream();
        await bad.SaveAsAsync(numeric, cancellationToken: Ct);
        var (_, failed, _) = await UploadAsync(client, bad.ToArray(), "数字身份证.xlsx");
        Assert.Equal(ImportState.Failed, failed!.State);
        Assert.Contains("科学计数法", failed.Message);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_quickly_without_inflating_it()
    {
        var client = await app.ClientAsync();
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var w = zip.CreateEntry("xl/workbook.xml").Open())
            {
                await w.WriteAsync("<workbook/>"u8.ToArray(), Ct);
            }
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 200; i++)
            {
                await sheet.WriteAsync(zeros, Ct);
            }
        }
        Assert.True(zipped.Length < 2 * 1024 * 1024);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var (status, _, body) = await UploadAsync(client, zipped.ToArray(), "名册.xlsx");
        watch.Stop();
        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("压缩炸弹", body);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(used < 64L * 1024 * 1024, $"allocated {used / 1024 / 1024} MB");
    }

    [Fact]
    public async Task A_renamed_program_is_refused_by_its_content()
    {
        var client = await app.ClientAsync();
        var program = new byte[4096];
        "MZ"u8.CopyTo(program);
        var (status, _, body) = await UploadAsync(client, program, "名册.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("按文件内容识别", body);
        var (csvStatus, _, _) = await UploadAsync(client, program, "名册.csv");
        Assert.Equal(HttpStatusCode.BadRequest, csvStatus);

        // Refusals are in the history too, and nothing of them is kept on disk.
        var history = await client.GetFromJsonAsync<Fupin.Web.Shared.Paged<ImportsApi.JobView>>("/api/v1/imports?pageSize=50", FupinApp.Json, Ct);
        Assert.Contains(history!.Items, j => j.State == ImportState.Rejected && j.FileName == "名册.xlsx");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.Folder, "imports"), "*.upload"));
    }

    [Fact]
    public async Task Income_ledgers_are_imported_all_or_nothing_and_updated_by_household_and_year()
    {
        var client = await app.ClientAsync();
        var people = People(2);
        Assert.Equal(ImportState.Succeeded, (await ImportCsvAsync(client, people)).State);
        var a = people[0].Number;
        var b = people[3].Number;
        var csv = "户编号,年度,家庭人口,工资性收入,生产经营性收入,低保金,生产经营性支出\n" +
                  $"{a},2024,3,12000,3000,3900,1000\n{a},2025,,15000,2000,0,500\n{b},2025,4,\"20,000.50\",0,0,0\n";
        async Task<ImportsApi.JobView> UploadIncomeAsync(string text)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(new UTF8Encoding(true).GetBytes(text)), "file", "收入台账.csv" } };
            var response = await client.PostAsync("/api/v1/imports?kind=Income", form, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var job = (await response.Content.ReadFromJsonAsync<ImportsApi.JobView>(FupinApp.Json, Ct))!;
            for (var i = 0; i < 300 && !job.Finished; i++)
            {
                await Task.Delay(100, Ct);
                job = (await client.GetFromJsonAsync<ImportsApi.JobView>($"/api/v1/imports/{job.Id}", FupinApp.Json, Ct))!;
            }
            return job;
        }

        var done = await UploadIncomeAsync(csv);
        Assert.True(done.State == ImportState.Succeeded, done.Message);
        Assert.Equal(ImportKind.Income, done.Kind);
        Assert.Equal(3, done.HouseholdsCreated);
        await using (var db = app.SystemDb())
        {
            var household = await db.Households.SingleAsync(h => h.HouseholdNumber == a, Ct);
            var years = await db.Set<Fupin.Web.Features.Income.IncomeRecord>().Where(r => r.HouseholdId == household.Id).OrderBy(r => r.Year).ToListAsync(Ct);
            Assert.Equal([2024, 2025], years.Select(y => y.Year));
            Assert.Equal(17900m, years[0].Net);
            Assert.Equal(3, years[1].HouseholdSize); // blank: the household's members
            var other = await db.Households.SingleAsync(h => h.HouseholdNumber == b, Ct);
            Assert.Equal(20000.50m, (await db.Set<Fupin.Web.Features.Income.IncomeRecord>().SingleAsync(r => r.HouseholdId == other.Id, Ct)).Wage);
        }

        var again = await UploadIncomeAsync(csv);
        Assert.Equal(3, again.HouseholdsUnchanged);
        Assert.Equal(0, again.HouseholdsCreated + again.HouseholdsUpdated);

        var bad = await UploadIncomeAsync(csv.Replace("15000", "-5", StringComparison.Ordinal) + "T-NO-SUCH-HOUSEHOLD,2025,1,1,0,0,0\n");
        Assert.Equal(ImportState.Failed, bad.State);
        Assert.Contains("工资性收入应在0到1亿元之间", bad.Message);
        Assert.True(bad.HasReport);
        await using (var db = app.SystemDb())
        {
            var household = await db.Households.SingleAsync(h => h.HouseholdNumber == a, Ct);
            Assert.Equal(15000m, (await db.Set<Fupin.Web.Features.Income.IncomeRecord>().SingleAsync(r => r.HouseholdId == household.Id && r.Year == 2025, Ct)).Wage);
        }
        var unknown = await UploadIncomeAsync("户编号,年度,家庭人口,工资性收入\nT-NO-SUCH-HOUSEHOLD,2025,1,100\n");
        Assert.Contains("不存在或不在您的管辖范围内", unknown.Message);
    }

    [Fact]
    public async Task The_template_has_the_header_and_an_explanation_sheet()
    {
        var client = await app.ClientAsync();
        var bytes = await client.GetByteArrayAsync("/api/v1/imports/template", Ct);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["导入模板", "填写说明"], stream.GetSheetNames());
        var header = stream.Query(sheetName: "导入模板").Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
        Assert.Contains("证件号码", header);
        Assert.Contains("户编号", header);
        var notes = stream.Query(useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(notes, n => n["列名"]?.ToString() == "与户主关系" && n["说明"]!.ToString()!.Contains("之子"));
    }
}

/// <summary>A host where any import that at least doubles the registry is a bulk load (indexes rebuilt, SQLite FK lookups off).</summary>
public sealed class BulkLoadSqliteApp : SqliteApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Import:BulkLoadFrom", "10")];
}

public sealed class BulkLoadPostgresApp : PostgresApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Import:BulkLoadFrom", "10")];
}

public abstract class BulkLoadTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<string>> IndexesAsync()
    {
        await using var db = app.SystemDb();
        var sql = app.Provider == "Sqlite"
            ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Households', 'Members')"
            : "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename IN ('Households', 'Members')";
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct)).Order()];
    }

    [Fact]
    public async Task A_load_larger_than_the_registry_goes_in_whole_and_leaves_every_index_and_check_in_place()
    {
        var client = await app.ClientAsync();
        var before = await IndexesAsync();
        var keysBefore = app.Provider == "Sqlite" ? [] : await ForeignKeysAsync();
        int count;
        await using (var db = app.SystemDb())
        {
            // More new households than the table holds, whatever the class's other tests loaded before this one.
            count = Math.Max(400, await db.Households.IgnoreQueryFilters().CountAsync(Ct) + 10);
        }
        var b = new StringBuilder("户编号,所属区划代码,与户主关系,姓名,证件号码,文化程度,户属性,主要致贫原因,识别年度\n");
        var prefix = "L" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var h = 0; h < count; h++)
        {
            var id = TestData.NewId(Sex.Male, 1975);
            ids.Add(id);
            b.Append($"{prefix}{h:D4},{TestData.VillageB},户主,大户{h},{id},小学,一般贫困户,因病,2018\n");
        }
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(b.ToString())), "file", "首次导入.csv" } };
        var response = await client.PostAsync("/api/v1/imports", form, Ct);
        var job = (await response.Content.ReadFromJsonAsync<ImportsApi.JobView>(FupinApp.Json, Ct))!;
        for (var i = 0; i < 300 && !job.Finished; i++)
        {
            await Task.Delay(100, Ct);
            job = (await client.GetFromJsonAsync<ImportsApi.JobView>($"/api/v1/imports/{job.Id}", FupinApp.Json, Ct))!;
        }
        Assert.True(job.State == ImportState.Succeeded, job.Message);
        Assert.Equal(count, job.HouseholdsCreated);
        // What an index enforces is back at the commit; on PostgreSQL the lookup indexes follow in the housekeeping.
        Assert.Contains("IX_Members_IdNumber", await IndexesAsync());
        Assert.Contains("IX_Households_HouseholdNumber", await IndexesAsync());
        await BulkLoadMaintenance.WaitAsync();
        Assert.Equal(before, await IndexesAsync());
        Assert.Empty(await DeferredAsync());

        // The unique index on active ID numbers is back: a second active member with one of these IDs is refused.
        var clash = TestData.NewHousehold(TestData.VillageA) with { Head = TestData.Member(ids[7], Relation.Head, "重复者") };
        var refused = await client.PostAsJsonAsync("/api/v1/households", clash, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        if (app.Provider == "Sqlite")
        {
            await using var db = app.SystemDb();
            await db.Database.OpenConnectionAsync(Ct);
            Assert.Equal(1, (await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS \"Value\" FROM pragma_foreign_keys").ToListAsync(Ct)).Single());
        }
        else
        {
            // The foreign keys the load set aside are back and enforced at once: a member of a household that
            // does not exist is refused. The rows loaded are validated by the housekeeping after the commit.
            await using var db = app.SystemDb();
            var orphan = await db.Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(Ct);
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                "UPDATE \"Members\" SET \"HouseholdId\" = '00000000-0000-0000-0000-000000000001' WHERE \"Id\" = {0}", [orphan.Id], Ct));
            await BulkLoadMaintenance.WaitAsync();
            Assert.Equal(keysBefore, await ForeignKeysAsync());
        }
    }

    /// <summary>
    /// Past the bulk-load size the rest of the file is written while it is read, members first and each
    /// household at the end from the counts its rows added up to: those counts (people, 两不愁三保障 gaps,
    /// head's name) must be what a household recounted from its stored members has, also for a household
    /// whose second row comes long after the switch. A bad row after the switch still leaves nothing behind.
    /// </summary>
    [Fact]
    public async Task A_first_load_written_while_it_is_read_stores_what_a_recount_gives_and_a_late_bad_row_undoes_it_all()
    {
        int registered;
        await using (var db = app.SystemDb())
        {
            registered = await db.Households.IgnoreQueryFilters().CountAsync(Ct);
        }
        var indexes = await IndexesAsync();
        var count = registered + 60;
        var prefix = "S" + Guid.NewGuid().ToString("N")[..8];
        var head = new StringBuilder("户编号,所属区划代码,与户主关系,姓名,证件号码,文化程度,在校生状况,参加医疗保险,户属性,主要致贫原因,识别年度\n");
        var late = new StringBuilder();
        for (var h = 0; h < count; h++)
        {
            var insured = h % 3 == 0 ? "未参保" : "城乡居民基本医疗保险";
            head.Append($"{prefix}{h:D4},{TestData.VillageB},户主,流户{h},{TestData.NewId(Sex.Male, 1975)},小学,,{insured},一般贫困户,因病,2018\n");
            var (education, stage) = h % 2 == 0 ? ("小学", "") : ("", "四年级"); // even: a ten-year-old out of school
            late.Append($"{prefix}{h:D4},{TestData.VillageB},之子,流子{h},{TestData.NewId(Sex.Male, 2016)},{education},{stage},城乡居民基本医疗保险,一般贫困户,因病,2018\n");
        }
        // Then households listed the usual way, each one's rows together: on SQLite each goes to the writer
        // during the stream as soon as the next one starts.
        const int together = 25;
        for (var h = count; h < count + together; h++)
        {
            late.Append($"{prefix}{h:D4},{TestData.VillageB},户主,流户{h},{TestData.NewId(Sex.Female, 1980)},初中,,城乡居民基本医疗保险,一般贫困户,因学,2019\n");
            // Even: a pupil in junior high, insured; odd: a grown daughter, not insured (a 基本医疗 gap).
            late.Append(h % 2 == 0
                ? $"{prefix}{h:D4},{TestData.VillageB},之女,流女{h},{TestData.NewId(Sex.Female, 2012)},,七年级,城乡居民基本医疗保险,一般贫困户,因学,2019\n"
                : $"{prefix}{h:D4},{TestData.VillageB},之女,流女{h},{TestData.NewId(Sex.Female, 2000)},高中,,未参保,一般贫困户,因学,2019\n");
        }
        var file = Path.GetTempFileName();
        try
        {
            async Task<(RegistryImport.Result Result, RegistryImport.Progress Progress)> RunAsync(string text)
            {
                await File.WriteAllTextAsync(file, text, Ct);
                await using var db = app.SystemDb();
                var progress = new RegistryImport.Progress();
                var result = await RegistryImport.RunAsync(db, TimeProvider.System, file, SheetReader.Kind.Csv,
                    new RegistryImport.Options(Guid.NewGuid(), "流式导入.csv", new string('0', 64), 100_000, BulkLoadFrom: 10), progress, Ct);
                return (result, progress);
            }

            // A duplicate of an earlier ID number on the very last row: found after the switch, and nothing stays.
            var firstId = head.ToString().Split('\n')[1].Split(',')[4];
            var bad = await RunAsync(head.ToString() + late + $"{prefix}{count - 1:D4},{TestData.VillageB},之女,重复{count},{firstId},小学,,城乡居民基本医疗保险,一般贫困户,因病,2018\n");
            Assert.False(bad.Result.Succeeded);
            Assert.Contains("start writing while reading", bad.Progress.Seconds.Keys);
            Assert.Contains("与第2行重复", Assert.Single(bad.Result.RowErrors).Value);
            await using (var db = app.SystemDb())
            {
                Assert.False(await db.Households.IgnoreQueryFilters().AnyAsync(x => x.HouseholdNumber.StartsWith(prefix), Ct));
                Assert.False(await db.Members.IgnoreQueryFilters().AnyAsync(m => m.Name.StartsWith("流"), Ct));
            }
            Assert.Equal(indexes, await IndexesAsync());
            Assert.Empty(await DeferredAsync()); // the rollback took the list of indexes for later with it

            var started = DateTime.UtcNow.AddSeconds(-1);
            var good = await RunAsync(head.ToString() + late);
            Assert.True(good.Result.Succeeded, string.Join("; ", good.Result.RowErrors.Values.Take(3)) + good.Result.Problem);
            Assert.Contains("start writing while reading", good.Progress.Seconds.Keys);
            Assert.Contains(app.Provider == "Postgres" ? "insert members (while reading)" : "insert members and households (while reading)", good.Progress.Seconds.Keys);
            Assert.Equal(count + together, good.Result.Summary!.HouseholdsCreated);
            Assert.Equal(2 * (count + together), good.Result.Summary.MembersCreated);
            // At the commit every index is either back or listed for the housekeeping (on PostgreSQL the lookup
            // ones, which enforce nothing; on SQLite none). The list is read first: the housekeeping takes an
            // index off it and builds it in one transaction, so one it builds meanwhile shows in the catalogue.
            var listed = await DeferredAsync();
            var present = await IndexesAsync();
            Assert.Equal(indexes, [.. present.Union(listed).Order()]);
            Assert.DoesNotContain(listed, n => n is "IX_Members_IdNumber" or "IX_Households_HouseholdNumber" || n.StartsWith("PK_", StringComparison.Ordinal));
            if (app.Provider == "Sqlite")
            {
                Assert.Empty(listed);
            }
            await using (var db = app.SystemDb())
            {
                var stored = await db.Households.IgnoreQueryFilters().AsNoTracking().Include(x => x.Members)
                    .Where(x => x.HouseholdNumber.StartsWith(prefix)).ToListAsync(Ct);
                Assert.Equal(count + together, stored.Count);
                var today = DateOnly.FromDateTime(DateTime.Today);
                foreach (var h in stored)
                {
                    var (members, gaps, name) = (h.MemberCount, h.AssuranceGaps, h.HeadName);
                    RegistryCommands.Recount(h, today);
                    Assert.Equal((h.MemberCount, h.AssuranceGaps, h.HeadName), (members, gaps, name));
                    Assert.Equal(2, members);
                }
                Assert.Contains(stored, h => h.AssuranceGaps == (Fupin.Web.Features.Assurance.AssuranceItem.Education | Fupin.Web.Features.Assurance.AssuranceItem.Medical));
                Assert.Contains(stored, h => h.AssuranceGaps == Fupin.Web.Features.Assurance.AssuranceItem.None);
                var even = count + count % 2;
                Assert.Contains(stored, h => h.HeadName == $"流户{even}" && h.AssuranceGaps == Fupin.Web.Features.Assurance.AssuranceItem.None);
                Assert.Contains(stored, h => h.HeadName == $"流户{even + 1}" && h.AssuranceGaps == Fupin.Web.Features.Assurance.AssuranceItem.Medical);
            }

            // The load's housekeeping, on a connection of its own after the commit: the lookup indexes left for it,
            // the planner's statistics (and on SQLite the WAL folded into the file).
            await BulkLoadMaintenance.WaitAsync();
            Assert.Equal(indexes, await IndexesAsync());
            Assert.Empty(await DeferredAsync());
            await using (var db = app.SystemDb())
            {
                if (app.Provider == "Postgres")
                {
                    var analyzed = await db.Database.SqlQueryRaw<DateTime?>(
                        "SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'Members'").SingleAsync(Ct);
                    Assert.True(analyzed >= started, $"Members last analyzed {analyzed}, the load started {started}");
                }
                else
                {
                    Assert.True(await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Members'").SingleAsync(Ct) > 0);
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// A streaming first load cancelled by its caller while members are being written (the server shutting
    /// down): the cancellation is what the caller sees (not a failed rollback on a connection the cancelled
    /// statement broke), nothing stays, the indexes are back, and the next import on the same pool works.
    /// </summary>
    [Fact]
    public async Task A_first_load_cancelled_while_it_is_written_leaves_nothing_and_the_next_import_works()
    {
        var prefix = "C" + Guid.NewGuid().ToString("N")[..8];
        var indexes = await IndexesAsync();
        var text = new StringBuilder("户编号,所属区划代码,与户主关系,姓名,证件号码,文化程度,参加医疗保险,户属性,主要致贫原因,识别年度\n");
        for (var h = 0; h < 30_000; h++)
        {
            text.Append($"{prefix}{h:D5},{TestData.VillageB},户主,停户{h},{TestData.NewId(Sex.Male, 1970)},小学,城乡居民基本医疗保险,一般贫困户,因病,2018\n");
            text.Append($"{prefix}{h:D5},{TestData.VillageB},配偶,停配{h},{TestData.NewId(Sex.Female, 1972)},小学,城乡居民基本医疗保险,一般贫困户,因病,2018\n");
        }
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, text.ToString(), Ct);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var progress = new RegistryImport.Progress();
            await using (var db = app.SystemDb())
            {
                // On a thread of its own: SQLite's async calls complete synchronously, so called inline the whole
                // import would run before this method got its task back.
                var run = Task.Run(() => RegistryImport.RunAsync(db, TimeProvider.System, file, SheetReader.Kind.Csv,
                    new RegistryImport.Options(Guid.NewGuid(), "中途取消.csv", new string('0', 64), 100_000, BulkLoadFrom: 10), progress, cancel.Token), Ct);
                // At once when the stream starts: the writer is then opening its statement (a PostgreSQL COPY
                // cancelled while it starts breaks the connection, which the rollback must survive).
                while (progress.Phase != "校验并写入中" && !run.IsCompleted)
                {
                    Thread.SpinWait(100);
                }
                Assert.False(run.IsCompleted, "the import ended before it could be cancelled mid-stream; make the file longer");
                await cancel.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            }
            await using (var db = app.SystemDb())
            {
                Assert.False(await db.Households.IgnoreQueryFilters().AnyAsync(x => x.HouseholdNumber.StartsWith(prefix), Ct));
                Assert.False(await db.Members.IgnoreQueryFilters().AnyAsync(m => m.Name.StartsWith("停"), Ct));
            }
            Assert.Equal(indexes, await IndexesAsync());
            Assert.Empty(await DeferredAsync()); // the rollback took the list of indexes for later with it

            // The same pool, the next import: a small file lands whole.
            await File.WriteAllTextAsync(file, string.Join('\n', text.ToString().Split('\n').Take(5)) + "\n", Ct);
            await using (var db = app.SystemDb())
            {
                var result = await RegistryImport.RunAsync(db, TimeProvider.System, file, SheetReader.Kind.Csv,
                    new RegistryImport.Options(Guid.NewGuid(), "取消后.csv", new string('0', 64), 100_000), new RegistryImport.Progress(), Ct);
                Assert.True(result.Succeeded, string.Join("; ", result.RowErrors.Values.Take(3)) + result.Problem);
                Assert.Equal(2, result.Summary!.HouseholdsCreated);
            }
            await BulkLoadMaintenance.WaitAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_foreign_key_a_stopped_load_left_unvalidated_is_validated_at_start_up()
    {
        if (app.Provider == "Sqlite")
        {
            return; // SQLite has no unvalidated keys: its bulk load turns the checks off on its own connection.
        }
        var before = await ForeignKeysAsync();
        await using var db = app.SystemDb();
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Members\" DROP CONSTRAINT \"FK_Members_Households_HouseholdId\"; " +
            "ALTER TABLE \"Members\" ADD CONSTRAINT \"FK_Members_Households_HouseholdId\" FOREIGN KEY (\"HouseholdId\") REFERENCES \"Households\" (\"Id\") ON DELETE RESTRICT NOT VALID;", Ct);
        Assert.DoesNotContain("Members.FK_Members_Households_HouseholdId", await ForeignKeysAsync());

        // A row that breaks it is reported in the log, and the server still starts; the key stays unvalidated.
        var member = await db.Members.IgnoreQueryFilters().AsNoTracking().FirstAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Members\" DISABLE TRIGGER ALL; " +
            "UPDATE \"Members\" SET \"HouseholdId\" = '00000000-0000-0000-0000-000000000002' WHERE \"Id\" = {0}; " +
            "ALTER TABLE \"Members\" ENABLE TRIGGER ALL;", [member.Id], Ct);
        await DatabaseSetup.MigrateAsync(db, Ct);
        Assert.DoesNotContain("Members.FK_Members_Households_HouseholdId", await ForeignKeysAsync());

        await db.Database.ExecuteSqlRawAsync("UPDATE \"Members\" SET \"HouseholdId\" = {0} WHERE \"Id\" = {1}", [member.HouseholdId, member.Id], Ct);
        await DatabaseSetup.MigrateAsync(db, Ct);
        Assert.Equal(before, await ForeignKeysAsync());
    }

    [Fact]
    public async Task A_lookup_index_a_stopped_load_left_for_later_is_built_at_start_up()
    {
        if (app.Provider == "Sqlite")
        {
            return; // SQLite builds every index inside the load: nothing is ever left for later there.
        }
        var before = await IndexesAsync();
        await using var db = app.SystemDb();
        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_Members_Name'").SingleAsync(Ct);
        // As a load leaves it when the process stops after its commit: the index gone, its definition listed.
        // Beside it, a definition that can no longer be built (its column gone): logged, kept, and no reason
        // not to start.
        await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_Members_Name\"", Ct);
        db.DeferredIndexes.Add(new DeferredIndex { Name = "IX_Members_Name", Definition = definition, CreatedAt = DateTime.UtcNow });
        db.DeferredIndexes.Add(new DeferredIndex { Name = "IX_Members_Gone", Definition = "CREATE INDEX \"IX_Members_Gone\" ON \"Members\" (\"NoSuchColumn\")", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Ct);
        Assert.DoesNotContain("IX_Members_Name", await IndexesAsync());

        await DatabaseSetup.MigrateAsync(db, Ct);
        Assert.Equal(before, await IndexesAsync());
        Assert.Equal(["IX_Members_Gone"], await DeferredAsync());
        await db.DeferredIndexes.Where(d => d.Name == "IX_Members_Gone").ExecuteDeleteAsync(Ct);

        // Built once: a second start finds nothing to do.
        await DatabaseSetup.MigrateAsync(db, Ct);
        Assert.Equal(before, await IndexesAsync());
        Assert.Empty(await DeferredAsync());
    }

    private async Task<List<string>> DeferredAsync()
    {
        await using var db = app.SystemDb();
        return await db.DeferredIndexes.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(Ct);
    }

    private async Task<List<string>> ForeignKeysAsync()
    {
        await using var db = app.SystemDb();
        return await db.Database.SqlQueryRaw<string>("SELECT c.relname || '.' || k.conname AS \"Value\" FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid " +
            "WHERE k.contype = 'f' AND c.relname IN ('Households', 'Members') AND k.convalidated ORDER BY 1").ToListAsync(Ct);
    }
}

public sealed class BulkLoadTestsOnSqlite(BulkLoadSqliteApp app) : BulkLoadTests(app), IClassFixture<BulkLoadSqliteApp>;

public sealed class BulkLoadTestsOnPostgres(BulkLoadPostgresApp app) : BulkLoadTests(app), IClassFixture<BulkLoadPostgresApp>;

public sealed class ImportApiTestsOnSqlite(SqliteApp app) : ImportApiTests(app), IClassFixture<SqliteApp>;

public sealed class ImportApiTestsOnPostgres(PostgresApp app) : ImportApiTests(app), IClassFixture<PostgresApp>;
