using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Comparison;

/// <summary>The kinds of department roster (DOMAIN.md §8), each keyed on the resident ID number.</summary>
public enum RosterKind
{
    Students, // 学生及辍学名册（教育）
    MedicalInsurance, // 医保参保名册（医保）
    Settlements, // 住院及慢病门诊结算名册（医保/卫健）
    Housing, // 住房安全鉴定名册（住建）
    Water, // 饮水安全名册（水务）
    CivilAffairs, // 低保特困及死亡名册（民政）
    Disability, // 残疾人证名册（残联）
    Employment, // 就业及养老金名册（人社）
    PublicEmployees, // 财政供养人员名册（财政）
    Vehicles, // 车辆登记名册
    Property, // 商品房登记名册
    Companies, // 工商注册企业名册
}

/// <summary>
/// 名册批次: one accepted department roster upload (the import job of the same id holds who, when, the file
/// and its hash). Rounds choose batches; a batch is never edited, a newer upload supersedes it.
/// </summary>
public sealed class RosterBatch : IRegionScoped, IAudited
{
    public Guid Id { get; set; }
    /// <summary>The uploading account's region (the county): which rounds may use it.</summary>
    public required string RegionCode { get; set; }
    public RosterKind Kind { get; set; }
    /// <summary>批次名称, e.g. "2026年第3季度".</summary>
    public required string Label { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public int Rows { get; set; }
    public required string UploadedBy { get; set; }
    public string? Department { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>One roster row: a person by ID number and what the department says of them.</summary>
public sealed class RosterEntry : IRegionScoped
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public required string RegionCode { get; set; }
    public required string IdNumber { get; set; }
    public required string Name { get; set; }
    /// <summary>The main coded value of the kind (在校/辍学, 已参保, A–D, 低保/特困/死亡 …).</summary>
    public string? Status { get; set; }
    /// <summary>A second coded value (学段, 就诊类型, 是否已改造, 残疾类别, 车辆类型 …).</summary>
    public string? SubType { get; set; }
    /// <summary>Free text: school, unit, plate, company, address.</summary>
    public string? Detail { get; set; }
    public DateOnly? EventDate { get; set; }
    /// <summary>医疗总费用, 建筑面积.</summary>
    public decimal? Total { get; set; }
    /// <summary>报销金额.</summary>
    public decimal? Paid { get; set; }
}

internal sealed class RosterConfiguration : IEntityTypeConfiguration<RosterBatch>, IEntityTypeConfiguration<RosterEntry>
{
    public void Configure(EntityTypeBuilder<RosterBatch> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.Label).HasMaxLength(60);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.Property(x => x.Department).HasMaxLength(40);
        b.HasIndex(x => new { x.RegionCode, x.Kind, x.UploadedAt });
        ModelConventions.StoreEnumsAsText(b);
    }

    public void Configure(EntityTypeBuilder<RosterEntry> b)
    {
        b.Property(x => x.RegionCode).HasMaxLength(12);
        b.Property(x => x.IdNumber).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.SubType).HasMaxLength(20);
        b.Property(x => x.Detail).HasMaxLength(200);
        b.Property(x => x.Total).HasPrecision(14, 2);
        b.Property(x => x.Paid).HasPrecision(14, 2);
        b.HasIndex(x => x.BatchId);
        b.HasOne<RosterBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
