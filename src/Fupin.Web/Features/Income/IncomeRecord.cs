using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Features.Income;

/// <summary>收入台账: one household's income of one year, in the national items (yuan).</summary>
public sealed class IncomeRecord : IRegionScoped, IVersioned, IAudited
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    /// <summary>家庭人口数 that year: the divisor of 人均纯收入.</summary>
    public int HouseholdSize { get; set; }

    public decimal Wage { get; set; } // 工资性收入
    public decimal Business { get; set; } // 生产经营性收入
    public decimal PropertyDividend { get; set; } // 财产性收入：资产收益分红
    public decimal PropertyOther { get; set; } // 财产性收入：其他
    public decimal FamilyPlanning { get; set; } // 转移性：计划生育金
    public decimal Dibao { get; set; } // 转移性：低保金
    public decimal Tekun { get; set; } // 转移性：特困供养金
    public decimal Pension { get; set; } // 转移性：养老保险金
    public decimal EcoCompensation { get; set; } // 转移性：生态补偿金
    public decimal OtherTransfer { get; set; } // 转移性：其他（各类补贴等）
    public decimal BusinessExpense { get; set; } // 生产经营性支出
    public string? Note { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public decimal Property => PropertyDividend + PropertyOther;
    public decimal Transfer => FamilyPlanning + Dibao + Tekun + Pension + EcoCompensation + OtherTransfer;
    public decimal Net => IncomeRules.Net(Wage, Business, Property, Transfer, BusinessExpense);
    public decimal PerCapita => IncomeRules.PerCapita(Net, HouseholdSize);
}

internal sealed class IncomeRecordConfiguration : IEntityTypeConfiguration<IncomeRecord>
{
    public void Configure(EntityTypeBuilder<IncomeRecord> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(12);
        b.Property(r => r.Note).HasMaxLength(300);
        foreach (var p in new[] { "Wage", "Business", "PropertyDividend", "PropertyOther", "FamilyPlanning", "Dibao", "Tekun", "Pension", "EcoCompensation", "OtherTransfer", "BusinessExpense" })
        {
            b.Property<decimal>(p).HasPrecision(14, 2);
        }
        b.Ignore(r => r.Property);
        b.Ignore(r => r.Transfer);
        b.Ignore(r => r.Net);
        b.Ignore(r => r.PerCapita);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.HouseholdId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.RegionCode, r.Year });
        b.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
