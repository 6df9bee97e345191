using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Operations;

public enum BackupKind
{
    Scheduled, // 定时备份
    Manual, // 页面上手动备份
    BeforeUpgrade, // 升级前自动备份
    Command, // 命令行 backup
}

/// <summary>One backup made by the system (its archive, size and chain head), or one that failed and why. Not county data: no region.</summary>
public sealed class BackupRecord
{
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    public BackupKind Kind { get; set; }
    public required string Path { get; set; }
    public long Size { get; set; }
    public bool Ok { get; set; }
    public string? Message { get; set; }
    public long AuditHeadSeq { get; set; }
}

internal sealed class BackupRecordConfiguration : IEntityTypeConfiguration<BackupRecord>
{
    public void Configure(EntityTypeBuilder<BackupRecord> b)
    {
        b.ToTable("Backups");
        b.Property(x => x.Path).HasMaxLength(500);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.HasIndex(x => x.At);
        Data.ModelConventions.StoreEnumsAsText(b);
    }
}
