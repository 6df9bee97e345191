using Fupin.Web.Data;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Households;

/// <summary>家庭成员. Never deleted; death, moves and removal are status changes.</summary>
public sealed class Member : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }

    /// <summary>Copied from the household so that every county table carries its region code.</summary>
    public required string RegionCode { get; set; }

    /// <summary>公民身份号码, normalised (upper-case X).</summary>
    public required string IdNumber { get; set; }
    public required string Name { get; set; }
    public Relation Relation { get; set; }
    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string Ethnicity { get; set; }

    /// <summary>文化程度; exactly one of this and <see cref="SchoolStage"/> is set.</summary>
    public Education? Education { get; set; }
    public SchoolStage? SchoolStage { get; set; }
    /// <summary>失学或辍学原因, for a school-age child out of school.</summary>
    public string? OutOfSchoolReason { get; set; }

    public Health Health { get; set; }
    /// <summary>残疾等级 1–4 (一级最重).</summary>
    public int? DisabilityGrade { get; set; }
    public LabourCapacity Labour { get; set; }
    /// <summary>务工所在地; set together with <see cref="WorkMonths"/>.</summary>
    public string? WorkPlace { get; set; }
    public int? WorkMonths { get; set; }

    public MedicalInsurance MedicalInsurance { get; set; }
    public bool SeriousIllnessInsurance { get; set; }
    public PensionInsurance Pension { get; set; }
    /// <summary>家庭医生签约.</summary>
    public bool FamilyDoctorSigned { get; set; }
    public string? Phone { get; set; }

    public MemberEntry Entry { get; set; }
    public int? EntryYear { get; set; }
    public MemberStatus Status { get; set; }
    public DateOnly? StatusChangedOn { get; set; }
    public string? StatusReason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.RegionCode).HasMaxLength(12);
        b.Property(m => m.IdNumber).HasMaxLength(18);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Ethnicity).HasMaxLength(20);
        b.Property(m => m.OutOfSchoolReason).HasMaxLength(100);
        b.Property(m => m.WorkPlace).HasMaxLength(100);
        b.Property(m => m.Phone).HasMaxLength(20);
        b.Property(m => m.StatusReason).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        // One active person per ID number; past records (deceased, moved, removed) keep theirs. One index does
        // both jobs: "IX_Members_IdNumber", unique on (IdNumber, 1 when active else NULL). NULLs never clash in a
        // unique index, so only two active records of one number do; and its first column serves every lookup by
        // number, past records included. EF does not model an index on an expression, so migration
        // OneIdNumberIndex creates it in SQL (the same statement on SQLite and PostgreSQL; decision 012). It
        // replaced a unique partial index on active numbers beside a plain index on all of them: two builds of
        // the same keys after a county's first load, and two to keep on every write.
        b.HasIndex(m => m.HouseholdId);
        b.HasIndex(m => new { m.RegionCode, m.Status });
        b.HasIndex(m => m.Name);
        ModelConventions.StoreEnumsAsText(b);
    }
}
