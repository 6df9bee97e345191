using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fupin.Tests.Infrastructure;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Import;
using Fupin.Web.Features.Income;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Tests.Comparison;

/// <summary>
/// Department rosters uploaded, comparison rounds over the county, findings worked 核实 → 整改 → 销号,
/// monitoring entry and risk removal through the procedure, and lights recomputed with their reasons.
/// </summary>
public abstract class ComparisonApiTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private Task<HttpClient> County() => app.ClientAsync("county");
    private Task<HttpClient> Village() => app.ClientAsync("mapo");
    private Task<HttpClient> Town() => app.ClientAsync("xixiu");

    private static string Csv(RosterKind kind, IEnumerable<string?[]> rows)
    {
        var layout = RosterLayout.Of(kind);
        var b = new StringBuilder(string.Join(",", layout.Columns.Select(c => c.Header))).Append('\n');
        foreach (var row in rows)
        {
            b.Append(string.Join(",", Enumerable.Range(0, layout.Columns.Count).Select(i => i < row.Length ? row[i] ?? "" : ""))).Append('\n');
        }
        return b.ToString();
    }

    private async Task<ImportsApi.JobView> UploadAsync(HttpClient client, RosterKind kind, string label, string csv, string fileName = "名册.csv")
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new UTF8Encoding(true).GetBytes(csv)), "file", fileName },
            { new StringContent(kind.ToString()), "kind" },
            { new StringContent(label), "label" },
        };
        var response = await client.PostAsync("/api/v1/rosters", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var job = System.Text.Json.JsonSerializer.Deserialize<ImportsApi.JobView>(body, FupinApp.Json)!;
        var watch = Stopwatch.StartNew();
        while (!job.Finished && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, Ct);
            job = (await client.GetFromJsonAsync<ImportsApi.JobView>($"/api/v1/rosters/jobs/{job.Id}", FupinApp.Json, Ct))!;
        }
        Assert.True(job.Finished, "the roster import did not finish in time");
        return job;
    }

    private async Task<Guid> BatchAsync(HttpClient client, RosterKind kind, IEnumerable<string?[]> rows)
    {
        var job = await UploadAsync(client, kind, $"测试批次{Guid.NewGuid():N}"[..12], Csv(kind, rows));
        Assert.True(job.State == ImportState.Succeeded, job.Message);
        return job.Id;
    }

    private async Task<GetHousehold.Detail> HouseholdAsync(HttpClient county, CreateHousehold.Request request, params MemberInput[] members)
    {
        var response = await county.PostAsJsonAsync("/api/v1/households", request, FupinApp.Json, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        var h = (await response.Content.ReadFromJsonAsync<GetHousehold.Detail>(FupinApp.Json, Ct))!;
        foreach (var m in members)
        {
            var added = await county.PostAsJsonAsync($"/api/v1/households/{h.Id}/members", m, FupinApp.Json, Ct);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(Ct));
        }
        return (await county.GetFromJsonAsync<GetHousehold.Detail>($"/api/v1/households/{h.Id}", FupinApp.Json, Ct))!;
    }

    private async Task<ComparisonRounds.RoundView> RunAsync(HttpClient county, IEnumerable<Guid> batches, params ComparisonRule[] rules)
    {
        var response = await county.PostAsJsonAsync("/api/v1/comparison/rounds", new ComparisonRounds.RunRequest { Batches = [.. batches], Rules = [.. rules] }, FupinApp.Json, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ComparisonRounds.RoundView>(FupinApp.Json, Ct))!;
    }

    private async Task<List<Findings.View>> FindingsAsync(HttpClient client, string query)
    {
        var all = new List<Findings.View>();
        for (var page = 1; ; page++)
        {
            var p = (await client.GetFromJsonAsync<Paged<Findings.View>>($"/api/v1/comparison/findings?{query}&page={page}&pageSize=200", FupinApp.Json, Ct))!;
            all.AddRange(p.Items);
            if (all.Count >= p.Total || p.Items.Count == 0)
            {
                return all;
            }
        }
    }

    private static MemberInput Child(string name, int year) => TestData.Member(TestData.NewId(Sex.Female, year), Relation.Daughter, name) with { Education = Education.Primary, Labour = LabourCapacity.None };

    [Fact]
    public async Task A_round_over_the_county_finds_exactly_the_planted_mismatches_and_repeats_none()
    {
        var county = await County();
        var department = await app.ClientForNewUserAsync(Roles.Department, TestData.County);

        // Two households with the mismatches planted in them.
        var p1 = await HouseholdAsync(county, TestData.NewHousehold(TestData.VillageA, "比对甲"),
            TestData.Member(TestData.NewId(Sex.Female, 1972), Relation.Spouse, "甲妻"),
            TestData.Member(TestData.NewId(Sex.Male, 1995), Relation.Son, "甲子"),
            Child("甲女", Today.Year - 11));
        var p2 = await HouseholdAsync(county, TestData.NewHousehold(TestData.VillageB, "比对乙"),
            TestData.Member(TestData.NewId(Sex.Male, 1980), Relation.Son, "乙子") with { Health = Health.Disabled, DisabilityGrade = 2 },
            TestData.Member(TestData.NewId(Sex.Male, Today.Year - 70), Relation.Father, "乙父") with { Labour = LabourCapacity.Lost });

        // Everyone else's rosters agree with the registry; the planted ones do not.
        await using var db = app.SystemDb();
        var households = await db.Households.IgnoreQueryFilters().AsNoTracking()
            .Where(h => h.Status == HouseholdStatus.NotLifted || h.Status == HouseholdStatus.Lifted || h.Status == HouseholdStatus.Returned || h.Status == HouseholdStatus.Monitored)
            .ToDictionaryAsync(h => h.Id, Ct);
        var members = (await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.Status == MemberStatus.Active).ToListAsync(Ct))
            .Where(m => households.ContainsKey(m.HouseholdId)).ToList();
        string Id(Guid household, string name) => members.Single(m => m.HouseholdId == household && m.Name == name).IdNumber;
        var (p1Head, p1Spouse, p1Son, p1Girl) = (Id(p1.Id, "比对甲"), Id(p1.Id, "甲妻"), Id(p1.Id, "甲子"), Id(p1.Id, "甲女"));
        var (p2Head, p2Son, p2Father) = (Id(p2.Id, "比对乙"), Id(p2.Id, "乙子"), Id(p2.Id, "乙父"));
        var heads = members.Where(m => m.Relation == Relation.Head).ToList();

        var batches = new List<Guid>
        {
            await BatchAsync(department, RosterKind.Students, members
                .Where(m => AssuranceRules.IsCompulsorySchoolAge(m.BirthDate, Today) && m.IdNumber != p1Girl).Select(m => new[] { m.IdNumber, m.Name, "在校" })),
            await BatchAsync(department, RosterKind.MedicalInsurance, members.Where(m => m.IdNumber != p1Head).Select(m => new[] { m.IdNumber, m.Name, "已参保" })),
            await BatchAsync(department, RosterKind.Settlements,
            [
                [p1Head, "比对甲", "住院", "2026-03-15", "10000", "8500"],
                [p2Head, "比对乙", "门诊慢病", "2026-03-16", "1000", "850"],
            ]),
            await BatchAsync(department, RosterKind.Housing, heads.Where(m => m.HouseholdId != p2.Id)
                .Select(m => new[] { m.IdNumber, m.Name, m.HouseholdId == p1.Id ? "D" : "A", "否" })),
            await BatchAsync(department, RosterKind.Water, heads.Select(m => new[] { m.IdNumber, m.Name, m.HouseholdId == p1.Id ? "不安全" : "安全" })),
            await BatchAsync(department, RosterKind.CivilAffairs, heads
                .Where(m => households[m.HouseholdId].Attribute != HouseholdAttribute.General).Select(m => new[] { m.IdNumber, m.Name, households[m.HouseholdId].Attribute == HouseholdAttribute.Dibao ? "低保" : "特困" })
                .Append([p1Spouse, "甲妻", "死亡", "2026-05-01"]).Append([p2Head, "比对乙", "低保"])),
            await BatchAsync(department, RosterKind.Disability, members
                .Where(m => m.Health.HasFlag(Health.Disabled) && m.IdNumber != p2Son).Select(m => new[] { m.IdNumber, m.Name, "肢体", "三级" })),
            await BatchAsync(department, RosterKind.Employment, members
                .Where(m => GetHousehold.Age(m.BirthDate, Today) >= 60 && m.IdNumber != p2Father).Select(m => new[] { m.IdNumber, m.Name, "领取养老金" })),
            await BatchAsync(department, RosterKind.PublicEmployees, [[p1Son, "甲子", "某某局"]]),
            await BatchAsync(department, RosterKind.Vehicles, [[p1Son, "甲子", "琼A12345", "小型轿车"]]),
            await BatchAsync(department, RosterKind.Property, [[p1Son, "甲子", "海口某小区1栋", "98.5"]]),
            await BatchAsync(department, RosterKind.Companies, [[p1Son, "甲子", "某某农业有限公司", "法定代表人"]]),
        };

        var round = await RunAsync(county, batches);
        var planted = new HashSet<(ComparisonRule, Guid, string?)>
        {
            (ComparisonRule.DropOut, p1.Id, "甲女"),
            (ComparisonRule.NotInsured, p1.Id, "比对甲"),
            (ComparisonRule.LowReimbursement, p1.Id, "比对甲"),
            (ComparisonRule.UnsafeHousing, p1.Id, null),
            (ComparisonRule.UnsafeWater, p1.Id, null),
            (ComparisonRule.DeceasedActive, p1.Id, "甲妻"),
            (ComparisonRule.PublicEmployee, p1.Id, "甲子"),
            (ComparisonRule.OwnsVehicle, p1.Id, "甲子"),
            (ComparisonRule.OwnsProperty, p1.Id, "甲子"),
            (ComparisonRule.OwnsCompany, p1.Id, "甲子"),
            (ComparisonRule.HousingNotAppraised, p2.Id, null),
            (ComparisonRule.AssistanceMismatch, p2.Id, "比对乙"),
            (ComparisonRule.DisabilityMismatch, p2.Id, "乙子"),
            (ComparisonRule.NoPension, p2.Id, "乙父"),
        };
        var found = await FindingsAsync(county, $"roundId={round.Id}");
        var names = members.ToDictionary(m => m.Id, m => m.Name);
        var actual = found.Select(f => (f.Rule, f.HouseholdId, f.MemberId is { } m ? names[m] : null)).ToHashSet();
        Assert.Equal(planted.OrderBy(x => x.ToString()), actual.OrderBy(x => x.ToString()));
        Assert.Equal(planted.Count, round.FindingsNew);
        Assert.All(found, f => Assert.False(string.IsNullOrEmpty(f.RosterEvidence)));
        Assert.Contains(found, f => f.Rule == ComparisonRule.LowReimbursement && f.RosterEvidence.Contains("比例85%（标准90%）"));
        // 门诊慢病 at 85% meets its 80% standard: the clean settlement is left alone.
        Assert.DoesNotContain(found, f => f.Rule == ComparisonRule.LowReimbursement && f.HouseholdId == p2.Id);

        // The same rosters again: every mismatch still has an open finding, so nothing new is written.
        var again = await RunAsync(county, batches);
        Assert.Equal(0, again.FindingsNew);
        Assert.Equal(planted.Count, again.FindingsRepeated);
        var rounds = (await county.GetFromJsonAsync<Paged<ComparisonRounds.RoundView>>("/api/v1/comparison/rounds", FupinApp.Json, Ct))!;
        Assert.True(rounds.Total >= 2);

        // The household with open findings is at least yellow, with the findings as a reason.
        var light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{p1.Id}/light", FupinApp.Json, Ct))!;
        Assert.Contains(light.Reasons, r => r.Reason == LightReason.OpenFindings && r.Detail.Contains("10条"));
    }

    [Fact]
    public async Task Findings_are_verified_rectified_and_closed_with_who_when_and_a_note()
    {
        var county = await County();
        var household = await HouseholdAsync(county, TestData.NewHousehold(TestData.VillageA, "整改户"));
        await using (var db = app.SystemDb())
        {
            var id = (await db.Members.IgnoreQueryFilters().FirstAsync(m => m.HouseholdId == household.Id, Ct)).IdNumber;
            var batch = await BatchAsync(county, RosterKind.Vehicles, [[id, "整改户", "琼B99999", "小型轿车"]]);
            var round = await RunAsync(county, [batch], ComparisonRule.OwnsVehicle);
            Assert.Equal(1, round.FindingsNew);
        }
        var finding = Assert.Single(await FindingsAsync(county, $"householdId={household.Id}&open=true"));
        Assert.Equal(FindingState.Open, finding.State);
        Assert.Equal(finding.FoundOn.AddDays(30), finding.DueOn);

        var village = await Village();
        var early = await village.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.Id}/rectify", new Findings.RectifyRequest("已处理", finding.Version), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("请先核实", await early.Content.ReadAsStringAsync(Ct));
        var noNote = await village.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.Id}/verify", new Findings.VerifyRequest(true, " ", finding.Version), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("核实情况", await noNote.Content.ReadAsStringAsync(Ct));

        var verified = await village.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.Id}/verify", new Findings.VerifyRequest(true, "入户核实：车辆为本人所有", finding.Version), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var stale = await village.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.Id}/rectify", new Findings.RectifyRequest("清退", finding.Version), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var version = await verified.Content.ReadFromJsonAsync<int>(FupinApp.Json, Ct);
        var rectified = await village.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.Id}/rectify", new Findings.RectifyRequest("经民主评议启动清退程序", version), FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        version = await rectified.Content.ReadFromJsonAsync<int>(FupinApp.Json, Ct);
        var town = await Town();
        Assert.Equal(HttpStatusCode.OK, (await town.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.Id}/close", new Findings.CloseRequest("整改到位，同意销号", version), FupinApp.Json, Ct)).StatusCode);

        var closed = (await county.GetFromJsonAsync<Findings.View>($"/api/v1/comparison/findings/{finding.Id}", FupinApp.Json, Ct))!;
        Assert.Equal(FindingState.Closed, closed.State);
        Assert.Equal(("mapo", "mapo", "xixiu"), (closed.VerifiedBy, closed.RectifiedBy, closed.ClosedBy));
        Assert.Equal((Today, Today, Today), (closed.VerifiedOn!.Value, closed.RectifiedOn!.Value, closed.ClosedOn!.Value));
        Assert.Equal("经民主评议启动清退程序", closed.Measure);

        var summary = (await county.GetFromJsonAsync<Findings.Summary>($"/api/v1/comparison/findings/summary?householdId={household.Id}", FupinApp.Json, Ct))!;
        Assert.Equal((0, 1), (summary.Open, summary.Closed));
        Assert.Equal(1, Assert.Single(summary.ByRule).Closed);
        Assert.Contains(summary.ByTownship, r => r.Name == "西秀镇" && r.Closed == 1);

        var export = await county.GetAsync($"/api/v1/comparison/findings/export?householdId={household.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("已销号", Assert.Single(rows)["状态"]);

        // Another village's cadre cannot see it; every step is in the audit trail.
        var other = await app.ClientForNewUserAsync(Roles.VillageCadre, TestData.VillageB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/comparison/findings/{finding.Id}", Ct)).StatusCode);
        await using var audit = app.SystemDb();
        Assert.Equal(3, await audit.AuditEntries.CountAsync(a => a.Entity == nameof(ComparisonFinding) && a.EntityKey == finding.Id.ToString() && a.Field == "State", Ct));
    }

    [Fact]
    public async Task A_bad_roster_is_refused_whole_with_a_row_report_and_the_same_file_is_not_loaded_twice()
    {
        var department = await app.ClientForNewUserAsync(Roles.Department, TestData.County);
        var good = TestData.NewId();
        var csv = Csv(RosterKind.Students, [[good, "学生甲", "在校", "小学"], ["110101200001011234", "学生乙", "在校"], [TestData.NewId(), "学生丙", "读书中"], [good, "学生甲", "在校"]]);
        var job = await UploadAsync(department, RosterKind.Students, "错误批次", csv);
        Assert.Equal(ImportState.Failed, job.State);
        Assert.Equal(3, job.ErrorRows);
        Assert.Contains("校验位", job.Message);
        var report = await department.GetByteArrayAsync($"/api/v1/rosters/jobs/{job.Id}/errors", Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(report), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (r[ImportReport.ErrorHeader]?.ToString() ?? "").Contains("在校状态“读书中”不是可选值"));
        Assert.Contains(rows, r => (r[ImportReport.ErrorHeader]?.ToString() ?? "").Contains("重复"));
        var batches = (await department.GetFromJsonAsync<Paged<ComparisonApi.BatchView>>("/api/v1/rosters?pageSize=200", FupinApp.Json, Ct))!;
        Assert.DoesNotContain(batches.Items, b => b.Label == "错误批次");

        var fine = Csv(RosterKind.Students, [[good, "学生甲", "在校", "小学"]]);
        Assert.Equal(ImportState.Succeeded, (await UploadAsync(department, RosterKind.Students, "正确批次", fine)).State);
        var twice = await UploadAsync(department, RosterKind.Students, "重复批次", fine);
        Assert.Equal(ImportState.Failed, twice.State);
        Assert.Contains("已经导入过", twice.Message);

        using var noKind = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(fine)), "file", "a.csv" } };
        var refused = await department.PostAsync("/api/v1/rosters", noKind, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("请选择名册种类", await refused.Content.ReadAsStringAsync(Ct));
        var template = await department.GetByteArrayAsync("/api/v1/rosters/template?kind=Settlements", Ct);
        var header = MiniExcelLibs.MiniExcel.Query(new MemoryStream(template)).Cast<IDictionary<string, object>>().First().Values.Select(v => v?.ToString()).ToList();
        Assert.Contains("*报销金额", header);
    }

    private async Task<Guid> StartAsync(HttpClient client, ProcedureCommands.StartRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/procedures", request, FupinApp.Json, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<Guid>(FupinApp.Json, Ct);
    }

    private async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, ProcedureCommands.ActRequest act)
    {
        var current = (await client.GetFromJsonAsync<ProcedureQueries.CaseView>($"/api/v1/procedures/{id}", FupinApp.Json, Ct))!;
        return await client.PostAsJsonAsync($"/api/v1/procedures/{id}/act", act with { Version = current.Version }, FupinApp.Json, Ct);
    }

    private async Task WalkAsync(Guid id)
    {
        var meeting = await ActAsync(await Village(), id, new() { Decision = StepDecision.Pass, Opinion = "村级评议通过", MeetingDate = Today, Attendance = 30, VotesFor = 25, VotesAgainst = 1 });
        Assert.True(meeting.IsSuccessStatusCode, await meeting.Content.ReadAsStringAsync(Ct));
        var review = await ActAsync(await Town(), id, new() { Decision = StepDecision.Pass, Opinion = "乡镇审核同意" });
        Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync(Ct));
        var decision = await ActAsync(await County(), id, new() { Decision = StepDecision.Pass, Opinion = "县级审定" });
        Assert.True(decision.IsSuccessStatusCode, await decision.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_household_enters_monitoring_and_its_risk_is_removed_only_when_income_and_assurance_allow()
    {
        var county = await County();
        var h = await HouseholdAsync(county, TestData.NewHousehold(TestData.VillageA, "监测户"));
        var status = await county.CorrectStatusAsync(h.Id, HouseholdStatus.Lifted, Today, "登记笔误：已脱贫", h.Version, Ct);
        Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync(Ct));
        var village = await Village();

        var wrongType = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest
        {
            Kind = ProcedureKind.MonitoringEntry,
            HouseholdId = h.Id,
            MonitoringType = MonitoringType.Marginal,
            MonitoringSource = MonitoringSource.CadreCheck,
            Risks = "因病",
        }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("脱贫不稳定户", await wrongType.Content.ReadAsStringAsync(Ct));
        var noFinding = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest
        {
            Kind = ProcedureKind.MonitoringEntry,
            HouseholdId = h.Id,
            MonitoringType = MonitoringType.UnstableLifted,
            MonitoringSource = MonitoringSource.DepartmentAlert,
            Risks = "因病",
        }, FupinApp.Json, Ct);
        Assert.Contains("须关联提出该预警的比对问题", await noFinding.Content.ReadAsStringAsync(Ct));
        var notYet = await village.PostAsJsonAsync("/api/v1/procedures", new ProcedureCommands.StartRequest { Kind = ProcedureKind.RiskRemoval, HouseholdId = h.Id, RemovalMode = RiskRemovalMode.Assisted }, FupinApp.Json, Ct);
        Assert.Contains("不是风险未消除的监测对象", await notYet.Content.ReadAsStringAsync(Ct));

        var entry = await StartAsync(village, new()
        {
            Kind = ProcedureKind.MonitoringEntry,
            HouseholdId = h.Id,
            MonitoringType = MonitoringType.UnstableLifted,
            MonitoringSource = MonitoringSource.CadreCheck,
            Risks = "因病、因务工就业不稳",
        });
        // 乡镇审核 is the town's; the village cannot do it.
        await WalkAsync(entry);
        var light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.True(light.IsMonitored);
        Assert.Equal(MonitoringType.UnstableLifted, light.MonitoringType);
        Assert.Contains(light.Reasons, r => r.Reason == LightReason.MonitoringActive);
        Assert.Equal(Light.Yellow, light.Light);

        // Removal is refused without income, then while income is under the monitoring line.
        var removal = new ProcedureCommands.StartRequest { Kind = ProcedureKind.RiskRemoval, HouseholdId = h.Id, RemovalMode = RiskRemovalMode.Assisted };
        var refused = await village.PostAsJsonAsync("/api/v1/procedures", removal, FupinApp.Json, Ct);
        Assert.Contains("没有收入台账", await refused.Content.ReadAsStringAsync(Ct));
        var year = Today.Year - 1;
        Assert.True((await village.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/{year}", new IncomeLedger.Input { HouseholdSize = 1, Wage = 5000 }, FupinApp.Json, Ct)).IsSuccessStatusCode);
        refused = await village.PostAsJsonAsync("/api/v1/procedures", removal, FupinApp.Json, Ct);
        Assert.Contains("仍低于防返贫监测范围", await refused.Content.ReadAsStringAsync(Ct));
        light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.Contains(light.Reasons, r => r.Reason == LightReason.IncomeNearLine);

        Assert.True((await village.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/{year}", new IncomeLedger.Input { HouseholdSize = 1, Wage = 15000, Version = 1 }, FupinApp.Json, Ct)).IsSuccessStatusCode);
        var removing = await StartAsync(village, removal);
        await WalkAsync(removing);
        light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.False(light.IsMonitored);
        Assert.Equal(Today, light.RiskRemovedOn);
        Assert.Equal(RiskRemovalMode.Assisted, light.RiskRemovalMode);
        Assert.Equal(MonitoringType.UnstableLifted, light.MonitoringType);
        Assert.DoesNotContain(light.Reasons, r => r.Reason == LightReason.MonitoringActive);
        Assert.Equal(Light.Green, light.Light);
    }

    [Fact]
    public async Task Lights_follow_changes_with_their_reasons_and_a_cadre_may_override_with_a_reason()
    {
        var county = await County();
        var h = await HouseholdAsync(county, TestData.NewHousehold(TestData.VillageA, "红灯户"),
            TestData.Member(TestData.NewId(Sex.Female, 1975), Relation.Spouse, "红灯妻") with { Health = Health.SeriousIllness, Labour = LabourCapacity.Lost });
        var light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.Equal(Light.Red, light.Light);
        Assert.Contains(light.Reasons, r => r.Reason == LightReason.SeriousIllness && r.Detail.Contains("红灯妻"));

        var village = await Village();
        Assert.True((await village.PutAsJsonAsync($"/api/v1/households/{h.Id}/income/{Today.Year - 1}", new IncomeLedger.Input { HouseholdSize = 2, Wage = 5000 }, FupinApp.Json, Ct)).IsSuccessStatusCode);
        light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.Contains(light.Reasons, r => r.Reason == LightReason.IncomeBelowLine && r.Detail.Contains("2,500元"));

        var noReason = await village.PutAsJsonAsync($"/api/v1/households/{h.Id}/light/note", new LightQueries.NoteRequest { Override = Light.Yellow }, FupinApp.Json, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("调整灯色的理由", await noReason.Content.ReadAsStringAsync(Ct));
        var cadre = await app.ClientAsync("mapo");
        var saved = await cadre.PutAsJsonAsync($"/api/v1/households/{h.Id}/light/note", new LightQueries.NoteRequest
        {
            Override = Light.Yellow,
            OverrideReason = "大病已治愈出院，医保报销到位",
            FollowUp = "落实公益岗位",
            FollowUpDue = Today.AddDays(30),
        }, FupinApp.Json, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.Equal((Light.Yellow, Light.Red), (light.Light!.Value, light.Computed!.Value));
        Assert.Equal("mapo", light.OverrideBy);
        var red = (await county.GetFromJsonAsync<Paged<LightQueries.ListRow>>($"/api/v1/lights/households?light=Red&regionCode={TestData.VillageA}&pageSize=200", FupinApp.Json, Ct))!;
        Assert.DoesNotContain(red.Items, r => r.HouseholdId == h.Id);
        var yellow = (await county.GetFromJsonAsync<Paged<LightQueries.ListRow>>($"/api/v1/lights/households?light=Yellow&regionCode={TestData.VillageA}&pageSize=200", FupinApp.Json, Ct))!;
        Assert.Contains(yellow.Items, r => r.HouseholdId == h.Id && r.Overridden && r.FollowUp == "落实公益岗位");

        var eventResponse = await village.PostAsJsonAsync($"/api/v1/households/{h.Id}/risk-events", new LightQueries.EventRequest(RiskEventKind.NaturalDisaster, Today, "台风损毁房屋"), FupinApp.Json, Ct);
        Assert.True(eventResponse.IsSuccessStatusCode, await eventResponse.Content.ReadAsStringAsync(Ct));
        light = (await county.GetFromJsonAsync<LightQueries.HouseholdView>($"/api/v1/households/{h.Id}/light", FupinApp.Json, Ct))!;
        Assert.Contains(light.Reasons, r => r.Reason == LightReason.RiskEvent && r.Detail.Contains("台风"));

        var recomputed = await county.PostAsync("/api/v1/lights/recompute", null, Ct);
        Assert.Equal(HttpStatusCode.OK, recomputed.StatusCode);
        var dashboard = (await county.GetFromJsonAsync<LightQueries.Dashboard>($"/api/v1/lights?regionCode={TestData.VillageA}", FupinApp.Json, Ct))!;
        Assert.True(dashboard.Total.Total > 0);
        Assert.Equal(dashboard.Total.Red + dashboard.Total.Yellow + dashboard.Total.Green, dashboard.ByVillage.Sum(v => v.Total));
        Assert.Single(dashboard.ByVillage);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(LightNote) && a.EntityKey == h.Id.ToString(), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Event == Lights.RecomputeEvent, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await village.PostAsync("/api/v1/lights/recompute", null, Ct)).StatusCode);
    }
}

public sealed class ComparisonApiTestsOnSqlite(SqliteApp app) : ComparisonApiTests(app), IClassFixture<SqliteApp>;

public sealed class ComparisonApiTestsOnPostgres(PostgresApp app) : ComparisonApiTests(app), IClassFixture<PostgresApp>;
