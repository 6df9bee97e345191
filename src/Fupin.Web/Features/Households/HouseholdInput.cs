using Fupin.Web.Shared;

namespace Fupin.Web.Features.Households;

/// <summary>
/// The editable fields of a household. Region, number and status are not here: they are set at
/// creation or changed through their own actions, so extra fields in a request cannot move them.
/// </summary>
public sealed record HouseholdInput
{
    public Guid? GroupId { get; set; }
    /// <summary>On update, null keeps the stored phone (clients see it masked); "" clears it.</summary>
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? BankName { get; set; }
    /// <summary>On update, null keeps the stored account; "" clears it.</summary>
    public string? BankAccount { get; set; }
    public HouseholdAttribute Attribute { get; set; }
    public PovertyCause MainCause { get; set; }
    public PovertyCause? OtherCause1 { get; set; }
    public PovertyCause? OtherCause2 { get; set; }
    public IdentificationStandard Standard { get; set; }
    public int YearIdentified { get; set; }
    public int? PlannedExitYear { get; set; }
    public HousingGrade HousingGrade { get; set; }
    public bool HousingRenovated { get; set; }
    public decimal? HousingAreaM2 { get; set; }
    public WaterStatus Water { get; set; }
    public decimal? ArableLandMu { get; set; }
    public bool IsMilitaryFamily { get; set; }
    public bool IsOnlyChildFamily { get; set; }
    public bool IsTwoDaughterFamily { get; set; }
}

public static class HouseholdRules
{
    public static void Validate(HouseholdInput h, DateOnly today, Errors errors)
    {
        if (!string.IsNullOrEmpty(h.Phone))
        {
            errors.Digits("phone", h.Phone, "联系电话", 11, 11);
        }
        errors.MaxLength("address", h.Address, "住址", 200);
        errors.MaxLength("bankName", h.BankName, "开户银行", 60);
        if (!string.IsNullOrEmpty(h.BankAccount))
        {
            errors.Digits("bankAccount", h.BankAccount, "银行账号", 10, 25);
        }
        if (h.Latitude is < -90 or > 90 || h.Longitude is < -180 or > 180 || h.Latitude is null != h.Longitude is null)
        {
            errors.Add("latitude", "经纬度须成对填写：纬度在-90到90之间，经度在-180到180之间");
        }
        if (h.OtherCause1 == h.MainCause || h.OtherCause2 == h.MainCause)
        {
            errors.Add("otherCause1", "其他致贫原因不能与主要致贫原因相同");
        }
        if (h.OtherCause1 is not null && h.OtherCause1 == h.OtherCause2)
        {
            errors.Add("otherCause2", "两项其他致贫原因不能相同");
        }
        if (h.YearIdentified < 2013 || h.YearIdentified > today.Year)
        {
            errors.Add("yearIdentified", $"识别年度应在2013年到{today.Year}年之间");
        }
        if (h.PlannedExitYear is { } p && (p < h.YearIdentified || p > today.Year + 10))
        {
            errors.Add("plannedExitYear", "计划脱贫年度不能早于识别年度");
        }
        if (h.HousingAreaM2 is < 0 or > 10000)
        {
            errors.Add("housingAreaM2", "住房面积应在0到10000平方米之间");
        }
        if (h.ArableLandMu is < 0 or > 100000)
        {
            errors.Add("arableLandMu", "耕地面积应在0到100000亩之间");
        }
        if (h.HousingRenovated && h.HousingGrade is not (HousingGrade.C or HousingGrade.D))
        {
            errors.Add("housingRenovated", "只有C级、D级危房才需要登记危房改造完成");
        }
    }

    public static void Apply(HouseholdInput h, Household target)
    {
        target.GroupId = h.GroupId;
        if (h.Phone is not null)
        {
            target.Phone = MemberRules.Blank(h.Phone);
        }
        target.Address = MemberRules.Blank(h.Address);
        target.Latitude = h.Latitude;
        target.Longitude = h.Longitude;
        target.BankName = MemberRules.Blank(h.BankName);
        if (h.BankAccount is not null)
        {
            target.BankAccount = MemberRules.Blank(h.BankAccount);
        }
        target.Attribute = h.Attribute;
        target.MainCause = h.MainCause;
        target.OtherCause1 = h.OtherCause1;
        target.OtherCause2 = h.OtherCause2;
        target.Standard = h.Standard;
        target.YearIdentified = h.YearIdentified;
        target.PlannedExitYear = h.PlannedExitYear;
        target.HousingGrade = h.HousingGrade;
        target.HousingRenovated = h.HousingRenovated;
        target.HousingAreaM2 = h.HousingAreaM2;
        target.Water = h.Water;
        target.ArableLandMu = h.ArableLandMu;
        target.IsMilitaryFamily = h.IsMilitaryFamily;
        target.IsOnlyChildFamily = h.IsOnlyChildFamily;
        target.IsTwoDaughterFamily = h.IsTwoDaughterFamily;
    }
}
