using Fupin.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Import;

public enum ImportState
{
    Queued, // 排队中
    Running, // 导入中
    Succeeded, // 导入成功
    Failed, // 校验未通过（未写入）
    Rejected, // 文件被拒绝
}

/// <summary>One upload and what became of it: the import history (who, when, which file, how many rows, the result).</summary>
public enum ImportKind
{
    Registry, // 建档立卡名册
    Income, // 收入台账
    Roster, // 部门名册
    Regions, // 统计用区划代码
}

public sealed class ImportJob : IRegionScoped
{
    public Guid Id { get; set; }
    public ImportKind Kind { get; set; }
    /// <summary>For a department roster: which kind, and the batch name the uploader gave.</summary>
    public Comparison.RosterKind? RosterKind { get; set; }
    public string? Label { get; set; }
    /// <summary>The importing account's region: who may see this job in the history.</summary>
    public required string RegionCode { get; set; }
    public required string UserName { get; set; }
    public string? UserId { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public string? Format { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public ImportState State { get; set; }
    public int Rows { get; set; }
    public int Households { get; set; }
    public int HouseholdsCreated { get; set; }
    public int HouseholdsUpdated { get; set; }
    public int MembersCreated { get; set; }
    public int MembersUpdated { get; set; }
    public int HouseholdsUnchanged { get; set; }
    public int ErrorRows { get; set; }
    /// <summary>Why the file as a whole was refused, or the first bad rows' messages.</summary>
    public string? Message { get; set; }
    /// <summary>The error report (the original rows with an added column of what is wrong), in the data folder.</summary>
    public string? ReportFile { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.RegionCode).HasMaxLength(12);
        b.Property(j => j.Kind).HasMaxLength(20);
        b.Property(j => j.RosterKind).HasConversion<string>().HasMaxLength(24);
        b.Property(j => j.Label).HasMaxLength(60);
        b.Property(j => j.UserName).HasMaxLength(100);
        b.Property(j => j.UserId).HasMaxLength(64);
        b.Property(j => j.FileName).HasMaxLength(200);
        b.Property(j => j.Sha256).HasMaxLength(64);
        b.Property(j => j.Format).HasMaxLength(10);
        b.Property(j => j.Message).HasMaxLength(2000);
        b.Property(j => j.ReportFile).HasMaxLength(200);
        b.HasIndex(j => new { j.RegionCode, j.CreatedAt });
    }
}
