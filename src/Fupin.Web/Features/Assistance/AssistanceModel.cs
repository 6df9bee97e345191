using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Assistance;

/// <summary>帮扶措施的种类 (DOMAIN.md §6).</summary>
public enum MeasureKind
{
    Industry, // 产业帮扶
    Employment, // 就业帮扶
    PublicPost, // 公益岗位
    Training, // 技能培训
    Education, // 教育资助
    Medical, // 医疗保障
    Housing, // 危房改造
    Dibao, // 低保/特困兜底
    Credit, // 小额信贷
    AssetIncome, // 资产收益/分红
    Relocation, // 易地搬迁
    Ecommerce, // 电商/消费扶贫
    Other, // 其他
}

public enum MeasureStatus
{
    Planned, // 计划
    InProgress, // 落实中
    Done, // 已落实
    Terminated, // 终止
}

public enum FundingSource
{
    Central, // 中央财政
    Provincial, // 省级财政
    City, // 市级财政
    County, // 县级财政
    Integrated, // 整合涉农资金
    HelpUnit, // 帮扶单位
    Donation, // 社会捐赠
    Credit, // 金融信贷
    SelfRaised, // 农户自筹
    Other, // 其他
}

public enum UnitKind
{
    PartyGovernment, // 党政机关
    Institution, // 事业单位
    StateEnterprise, // 国有企业
    PrivateEnterprise, // 民营企业
    SocialOrganization, // 社会组织
    Other, // 其他
}

public enum TeamRole
{
    Leader, // 队长
    FirstSecretary, // 第一书记
    Member, // 队员
}

public enum AttendanceKind
{
    Present, // 在岗
    Official, // 公出
    Leave, // 请假
    Absent, // 缺岗
}

public enum TeamLogKind
{
    Daily, // 工作日志
    BiMonthly, // 双月报
    Meeting, // 例会
    LeaveRequest, // 请销假
}

public enum FileOwner
{
    Measure, // 措施落实佐证
    Visit, // 走访照片
}

/// <summary>帮扶单位: a unit that sends cadres to help households (党政机关、企事业单位、社会组织).</summary>
public sealed class HelpUnit : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    /// <summary>The region that keeps the unit (the county office's or a township's code).</summary>
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>帮扶干部（帮扶责任人）: a cadre of a unit, working in a region, optionally tied to a sign-in account.</summary>
public sealed class Cadre : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    /// <summary>Where the cadre works: a township or a village.</summary>
    public required string RegionCode { get; set; }
    public Guid UnitId { get; set; }
    public required string Name { get; set; }
    public string? Post { get; set; }
    public string? Phone { get; set; }
    /// <summary>The account (user name) the cadre signs in with: their "my households" view and their visits.</summary>
    public string? UserName { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>结对: a household paired with a responsible cadre from a day; reassigning ends the line and starts a new one.</summary>
public sealed class Pairing : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid CadreId { get; set; }
    public DateOnly FromOn { get; set; }
    public DateOnly? ToOn { get; set; }
    public string? Reason { get; set; }
    public required string AssignedBy { get; set; }
}

/// <summary>一户一策: a household's plan for a year — the needs found, the poverty causes they answer, the responsible cadre and the target date.</summary>
public sealed class AssistancePlan : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public int Year { get; set; }
    public required string Needs { get; set; }
    /// <summary>致贫原因 the plan answers (labels, 、-separated).</summary>
    public string? Causes { get; set; }
    public Guid? CadreId { get; set; }
    public DateOnly? TargetOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// 帮扶措施: one measure of a plan — its kind, what it is, for whom, the money (planned and paid) and its
/// source, the provider, dates and status 计划 → 落实中 → 已落实 (or 终止). Where policy sets a standard the
/// standard at save time is kept, so a deviating amount shows.
/// </summary>
public sealed class AssistanceMeasure : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid PlanId { get; set; }
    public int Year { get; set; }
    public MeasureKind Kind { get; set; }
    public required string Content { get; set; }
    /// <summary>The member it is for (教育资助: the student).</summary>
    public Guid? MemberId { get; set; }
    /// <summary>享受人数 (低保: persons covered).</summary>
    public int? Persons { get; set; }
    /// <summary>计划金额, yuan a year.</summary>
    public decimal? Amount { get; set; }
    /// <summary>已兑现金额.</summary>
    public decimal? Paid { get; set; }
    public decimal? Quantity { get; set; }
    /// <summary>The unit of the quantity: 头, 亩, 个, 人次….</summary>
    public string? QuantityUnit { get; set; }
    public FundingSource? Funding { get; set; }
    /// <summary>实施（责任）单位.</summary>
    public string? Provider { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public MeasureStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>落实情况 (what was delivered).</summary>
    public string? Evidence { get; set; }
    /// <summary>The policy standard for this measure when saved (yuan a year), null where none applies.</summary>
    public decimal? Standard { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>走访: a cadre's visit to a household — when, where (GPS from the browser), notes, problems and the measures they concern.</summary>
public sealed class Visit : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid CadreId { get; set; }
    public DateTime VisitedAt { get; set; }
    public DateOnly VisitedOn { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? Accuracy { get; set; }
    public required string Notes { get; set; }
    public string? Problems { get; set; }
    /// <summary>The plan measures the problems concern, comma-separated ids.</summary>
    public string? Measures { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A photo or file attached to a measure (evidence) or a visit (photos); the content is stored once by its hash.</summary>
public sealed class AssistanceFile : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public FileOwner Owner { get; set; }
    public Guid OwnerId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>驻村工作队: a village's team, sent by a unit, led by its first secretary.</summary>
public sealed class WorkTeam : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public required string SentBy { get; set; }
    public DateOnly FromOn { get; set; }
    public DateOnly? ToOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class TeamMember : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public TeamRole Role { get; set; }
    public string? Unit { get; set; }
    public string? Phone { get; set; }
    public DateOnly FromOn { get; set; }
    public DateOnly? ToOn { get; set; }
}

/// <summary>查岗: a member's attendance on a day, as checked by the township or county.</summary>
public sealed class TeamCheckIn : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public Guid MemberId { get; set; }
    public required string RegionCode { get; set; }
    public DateOnly On { get; set; }
    public AttendanceKind Kind { get; set; }
    public string? Note { get; set; }
    public required string CheckedBy { get; set; }
}

/// <summary>工作日志、双月报、例会记录、请销假.</summary>
public sealed class TeamLog : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public Guid? MemberId { get; set; }
    public required string RegionCode { get; set; }
    public DateOnly On { get; set; }
    public TeamLogKind Kind { get; set; }
    public required string Content { get; set; }
    public required string WrittenBy { get; set; }
}

/// <summary>电视夜校: one session in a village; the households on the register there are expected.</summary>
public sealed class NightSchoolSession : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public DateOnly On { get; set; }
    public required string Topic { get; set; }
    public int Expected { get; set; }
    public required string RecordedBy { get; set; }
}

public sealed class NightSchoolSignIn : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
    public required string Attendee { get; set; }
}

internal sealed class AssistanceConfiguration :
    IEntityTypeConfiguration<HelpUnit>, IEntityTypeConfiguration<Cadre>, IEntityTypeConfiguration<Pairing>, IEntityTypeConfiguration<AssistancePlan>,
    IEntityTypeConfiguration<AssistanceMeasure>, IEntityTypeConfiguration<Visit>, IEntityTypeConfiguration<AssistanceFile>, IEntityTypeConfiguration<WorkTeam>,
    IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<TeamCheckIn>, IEntityTypeConfiguration<TeamLog>,
    IEntityTypeConfiguration<NightSchoolSession>, IEntityTypeConfiguration<NightSchoolSignIn>
{
    public void Configure(EntityTypeBuilder<HelpUnit> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Contact).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Name }).IsUnique();
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<Cadre> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Post).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Name });
        b.HasIndex(x => x.UserName);
        b.HasOne<HelpUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Pairing> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.AssignedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.HouseholdId }).IsUnique().HasFilter("\"ToOn\" IS NULL");
        b.HasIndex(x => new { x.HouseholdId, x.FromOn });
        b.HasIndex(x => new { x.CadreId, x.ToOn });
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssistancePlan> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Needs).HasMaxLength(1000);
        b.Property(x => x.Causes).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.HouseholdId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.HouseholdId, x.Year });
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssistanceMeasure> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Content).HasMaxLength(200);
        b.Property(x => x.Amount).HasPrecision(14, 2);
        b.Property(x => x.Paid).HasPrecision(14, 2);
        b.Property(x => x.Quantity).HasPrecision(14, 2);
        b.Property(x => x.Standard).HasPrecision(14, 2);
        b.Property(x => x.QuantityUnit).HasMaxLength(10);
        b.Property(x => x.Provider).HasMaxLength(100);
        b.Property(x => x.Evidence).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Year, x.Kind, x.Status });
        b.HasIndex(x => x.PlanId);
        b.HasIndex(x => new { x.HouseholdId, x.Year });
        b.HasOne<AssistancePlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.Problems).HasMaxLength(500);
        b.Property(x => x.Measures).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.VisitedOn });
        b.HasIndex(x => new { x.HouseholdId, x.CadreId, x.VisitedOn });
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssistanceFile> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.OwnerId, x.Owner });
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<WorkTeam> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.SentBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.RegionCode);
    }

    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.HasIndex(x => x.TeamId);
        b.HasOne<WorkTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<TeamCheckIn> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.CheckedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.TeamId, x.On });
        b.HasIndex(x => new { x.RegionCode, x.MemberId, x.On }).IsUnique();
        b.HasOne<TeamMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<TeamLog> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.WrittenBy).HasMaxLength(100);
        b.HasIndex(x => new { x.TeamId, x.On });
        b.HasOne<WorkTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<NightSchoolSession> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Topic).HasMaxLength(100);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.On });
    }

    public void Configure(EntityTypeBuilder<NightSchoolSignIn> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Attendee).HasMaxLength(50);
        b.HasIndex(x => new { x.RegionCode, x.SessionId, x.HouseholdId }).IsUnique();
        b.HasOne<NightSchoolSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
