using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Funds;

/// <summary>资金来源 (DOMAIN.md §9).</summary>
public enum FundSource
{
    Central, // 中央财政专项
    Provincial, // 省级财政专项
    City, // 市级财政专项
    County, // 县（区）级财政专项
    Integrated, // 统筹整合涉农资金
    HelpUnit, // 帮扶单位资金
    Donation, // 社会捐赠
    Other, // 其他
}

public enum AllocationTarget
{
    Township, // 乡镇
    Department, // 部门
    Project, // 项目
}

public enum ProgressDimension
{
    Source, // 资金来源
    Batch, // 资金批次
    Township, // 乡镇
    Department, // 部门
    Project, // 项目
}

public enum ProjectLevel
{
    County, // 区级
    Township, // 镇级
    Village, // 村级
}

public enum ProjectType
{
    Industry, // 产业发展
    Infrastructure, // 基础设施
    PublicService, // 公共服务
    Employment, // 就业扶贫
    Education, // 教育扶贫
    Health, // 健康扶贫
    Housing, // 住房保障
    Other, // 其他
}

public enum ProjectStage
{
    Reserve, // 储备入库
    Approved, // 立项
    Design, // 设计
    Tender, // 招投标
    Started, // 开工
    Completed, // 完工
    Accepted, // 验收
    Transferred, // 资产移交
    Cancelled, // 终止
}

public enum AssetKind
{
    Photovoltaic, // 光伏电站
    Greenhouse, // 大棚圈舍
    Road, // 道路桥梁
    Water, // 水利设施
    Workshop, // 扶贫车间
    Other, // 其他
}

/// <summary>资金批次: money issued by a document (文号) from one source; an advance (先行预拨) is county money put up before higher-level money arrives.</summary>
public sealed class FundBatch : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    /// <summary>The county (or township) that receives and allocates the money.</summary>
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    public FundSource Source { get; set; }
    public required string Name { get; set; }
    public required string DocumentNo { get; set; }
    public DateOnly IssuedOn { get; set; }
    public decimal Amount { get; set; }
    public bool IsAdvance { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>分配: part of a batch given to a township, a department or a project. More than the batch's balance only with an explicit flag.</summary>
public sealed class Allocation : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    /// <summary>The township allocated to, the project's region, or the batch's region for a department.</summary>
    public required string RegionCode { get; set; }
    public Guid BatchId { get; set; }
    public AllocationTarget Target { get; set; }
    public string? Department { get; set; }
    public Guid? ProjectId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly AllocatedOn { get; set; }
    public string? DocumentNo { get; set; }
    /// <summary>Allowed beyond the batch's balance (e.g. an advance waiting for the higher-level money).</summary>
    public bool OverAllocated { get; set; }
    public string? Note { get; set; }
    public required string AllocatedBy { get; set; }
}

/// <summary>支出: money paid out of an allocation, to a payee, with its voucher, for a project or a household's measure.</summary>
public sealed class Disbursement : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid AllocationId { get; set; }
    public Guid BatchId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public required string Payee { get; set; }
    public required string VoucherNo { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? MeasureId { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A snapshot of spending progress (weekly, automatic, or on demand), kept to show the change since.</summary>
public sealed class SpendingSnapshot : IRegionScoped
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTime TakenAt { get; set; }
    public bool Automatic { get; set; }
    public required string TakenBy { get; set; }
}

public sealed class SnapshotLine : IRegionScoped
{
    public Guid Id { get; set; }
    public Guid SnapshotId { get; set; }
    public required string RegionCode { get; set; }
    public ProgressDimension Dimension { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public decimal Allocated { get; set; }
    public decimal Spent { get; set; }
}

/// <summary>项目库: a county, township or village project, its money by source, who benefits, and where it stands in its lifecycle.</summary>
public sealed class Project : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public ProjectLevel Level { get; set; }
    public int Year { get; set; }
    public required string Name { get; set; }
    public ProjectType Type { get; set; }
    public required string Place { get; set; }
    public required string ResponsibleUnit { get; set; }
    public string? Content { get; set; }
    public string? PerformanceTargets { get; set; }
    public int ExpectedHouseholds { get; set; }
    public int ExpectedPeople { get; set; }
    /// <summary>Labels such as 革命老区, 、-separated.</summary>
    public string? Tags { get; set; }
    public ProjectStage Stage { get; set; }
    public DateOnly StageOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ProjectFunding : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string RegionCode { get; set; }
    public FundSource Source { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A lifecycle step reached (or a yearly adjustment): when, who, and a note.</summary>
public sealed class ProjectStep : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string RegionCode { get; set; }
    public ProjectStage Stage { get; set; }
    public DateOnly On { get; set; }
    public required string By { get; set; }
    public string? Note { get; set; }
    public bool Adjustment { get; set; }
    public DateTime At { get; set; }
}

public sealed class ProjectBeneficiary : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string RegionCode { get; set; }
    public Guid HouseholdId { get; set; }
}

public sealed class ProjectFile : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public required string RegionCode { get; set; }
    public ProjectStage Stage { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>公告公示: a notice of a project or a batch posted somewhere for some days.</summary>
public sealed class NoticePosting : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? BatchId { get; set; }
    public DateOnly PostedOn { get; set; }
    public required string Place { get; set; }
    public int Days { get; set; }
    public required string PostedBy { get; set; }
}

/// <summary>扶贫资产: what a project built, its value, owner and keeper, and the income it brings.</summary>
public sealed class Asset : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public Guid? ProjectId { get; set; }
    public required string Name { get; set; }
    public AssetKind Kind { get; set; }
    public decimal Value { get; set; }
    public required string Owner { get; set; }
    public required string Maintainer { get; set; }
    public DateOnly FormedOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Income of an asset (电站发电收益、租金…) and how it was shared (收益分配).</summary>
public sealed class AssetIncome : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid AssetId { get; set; }
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public decimal Amount { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
}

public sealed class AssetShare : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    public Guid IncomeId { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>A household's share; null for the village collective's.</summary>
    public Guid? HouseholdId { get; set; }
    public decimal Amount { get; set; }
}

internal sealed class FundsConfiguration :
    IEntityTypeConfiguration<FundBatch>, IEntityTypeConfiguration<Allocation>, IEntityTypeConfiguration<Disbursement>, IEntityTypeConfiguration<SpendingSnapshot>,
    IEntityTypeConfiguration<SnapshotLine>, IEntityTypeConfiguration<Project>, IEntityTypeConfiguration<ProjectFunding>, IEntityTypeConfiguration<ProjectStep>,
    IEntityTypeConfiguration<ProjectBeneficiary>, IEntityTypeConfiguration<ProjectFile>, IEntityTypeConfiguration<NoticePosting>, IEntityTypeConfiguration<Asset>,
    IEntityTypeConfiguration<AssetIncome>, IEntityTypeConfiguration<AssetShare>
{
    public void Configure(EntityTypeBuilder<FundBatch> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.DocumentNo).HasMaxLength(60);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Year });
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<Allocation> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Department).HasMaxLength(60);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.DocumentNo).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.AllocatedBy).HasMaxLength(100);
        b.HasIndex(x => x.BatchId);
        b.HasIndex(x => new { x.RegionCode, x.AllocatedOn });
        b.HasIndex(x => x.ProjectId);
        b.HasOne<FundBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<Disbursement> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.Payee).HasMaxLength(100);
        b.Property(x => x.VoucherNo).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => x.AllocationId);
        b.HasIndex(x => new { x.BatchId, x.PaidOn });
        b.HasIndex(x => x.ProjectId);
        b.HasOne<Allocation>().WithMany().HasForeignKey(x => x.AllocationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SpendingSnapshot> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.TakenBy).HasMaxLength(100);
        b.HasIndex(x => new { x.RegionCode, x.TakenAt });
    }

    public void Configure(EntityTypeBuilder<SnapshotLine> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Key).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Allocated).HasPrecision(16, 2);
        b.Property(x => x.Spent).HasPrecision(16, 2);
        b.HasIndex(x => x.SnapshotId);
        b.HasOne<SpendingSnapshot>().WithMany().HasForeignKey(x => x.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.ResponsibleUnit).HasMaxLength(100);
        b.Property(x => x.Content).HasMaxLength(1000);
        b.Property(x => x.PerformanceTargets).HasMaxLength(1000);
        b.Property(x => x.Tags).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.RegionCode, x.Year, x.Stage });
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<ProjectFunding> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<ProjectStep> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.By).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => x.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<ProjectBeneficiary> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.HasIndex(x => new { x.RegionCode, x.ProjectId, x.HouseholdId }).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ProjectFile> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.HasIndex(x => x.ProjectId);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<NoticePosting> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.PostedBy).HasMaxLength(100);
        b.HasIndex(x => x.ProjectId);
        b.HasIndex(x => x.BatchId);
    }

    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Value).HasPrecision(16, 2);
        b.Property(x => x.Owner).HasMaxLength(100);
        b.Property(x => x.Maintainer).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.RegionCode);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<AssetIncome> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.Property(x => x.Note).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => x.AssetId);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AssetShare> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Amount).HasPrecision(16, 2);
        b.HasIndex(x => x.IncomeId);
        b.HasIndex(x => x.HouseholdId);
        b.HasOne<AssetIncome>().WithMany().HasForeignKey(x => x.IncomeId).OnDelete(DeleteBehavior.Restrict);
    }
}
