using Fupin.Web.Data;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>One household with its members, personal numbers masked.</summary>
public static class GetHousehold
{
    public sealed record MemberView(
        Guid Id,
        string IdNumberMasked,
        string Name,
        Relation Relation,
        Sex Sex,
        /// <summary>The year only: the full date is six digits of the ID number, and beside the masked number it would give the number back (GB/T 35273).</summary>
        int BirthYear,
        int Age,
        string Ethnicity,
        Education? Education,
        SchoolStage? SchoolStage,
        string? OutOfSchoolReason,
        Health Health,
        int? DisabilityGrade,
        LabourCapacity Labour,
        string? WorkPlace,
        int? WorkMonths,
        MedicalInsurance MedicalInsurance,
        bool SeriousIllnessInsurance,
        PensionInsurance Pension,
        bool FamilyDoctorSigned,
        string PhoneMasked,
        MemberEntry Entry,
        int? EntryYear,
        MemberStatus Status,
        DateOnly? StatusChangedOn,
        string? StatusReason,
        int Version);

    public sealed record Detail(
        Guid Id,
        string HouseholdNumber,
        string RegionCode,
        string TownshipName,
        string VillageName,
        Guid? GroupId,
        string? GroupName,
        string HeadName,
        string PhoneMasked,
        string? Address,
        double? Latitude,
        double? Longitude,
        string? BankName,
        string BankAccountMasked,
        HouseholdAttribute Attribute,
        PovertyCause MainCause,
        PovertyCause? OtherCause1,
        PovertyCause? OtherCause2,
        IdentificationStandard Standard,
        int YearIdentified,
        int? PlannedExitYear,
        int? YearLifted,
        int? YearReturned,
        HouseholdStatus Status,
        DateOnly? StatusChangedOn,
        string? StatusReason,
        HousingGrade HousingGrade,
        bool HousingRenovated,
        decimal? HousingAreaM2,
        WaterStatus Water,
        decimal? ArableLandMu,
        bool IsMilitaryFamily,
        bool IsOnlyChildFamily,
        bool IsTwoDaughterFamily,
        int MemberCount,
        int Version,
        IReadOnlyList<MemberView> Members)
    {
        /// <summary>The editable fields as they stand, for an edit form (phone and account left unchanged).</summary>
        public HouseholdInput ToInput() => new()
        {
            GroupId = GroupId,
            Address = Address,
            Latitude = Latitude,
            Longitude = Longitude,
            BankName = BankName,
            Attribute = Attribute,
            MainCause = MainCause,
            OtherCause1 = OtherCause1,
            OtherCause2 = OtherCause2,
            Standard = Standard,
            YearIdentified = YearIdentified,
            PlannedExitYear = PlannedExitYear,
            HousingGrade = HousingGrade,
            HousingRenovated = HousingRenovated,
            HousingAreaM2 = HousingAreaM2,
            Water = Water,
            ArableLandMu = ArableLandMu,
            IsMilitaryFamily = IsMilitaryFamily,
            IsOnlyChildFamily = IsOnlyChildFamily,
            IsTwoDaughterFamily = IsTwoDaughterFamily,
        };
    }

    public static async Task<Detail?> Handle(AppDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            return null;
        }
        var names = await RegionNames.ForVillagesAsync(db, [h.RegionCode], ct);
        var group = h.GroupId is { } gid
            ? await db.VillageGroups.AsNoTracking().Where(g => g.Id == gid).Select(g => g.Name).FirstOrDefaultAsync(ct)
            : null;
        var members = h.Members
            .OrderBy(m => m.Status != MemberStatus.Active)
            .ThenBy(m => m.Relation)
            .ThenBy(m => m.BirthDate)
            .Select(m => View(m, today))
            .ToList();
        return new Detail(h.Id, h.HouseholdNumber, h.RegionCode, names.Township(h.RegionCode), names.Village(h.RegionCode),
            h.GroupId, group, h.HeadName, Masking.Phone(h.Phone), h.Address, h.Latitude, h.Longitude, h.BankName,
            Masking.BankAccount(h.BankAccount), h.Attribute, h.MainCause, h.OtherCause1, h.OtherCause2, h.Standard,
            h.YearIdentified, h.PlannedExitYear, h.YearLifted, h.YearReturned, h.Status, h.StatusChangedOn, h.StatusReason,
            h.HousingGrade, h.HousingRenovated, h.HousingAreaM2, h.Water, h.ArableLandMu, h.IsMilitaryFamily,
            h.IsOnlyChildFamily, h.IsTwoDaughterFamily, h.MemberCount, h.Version, members);
    }

    public static MemberView View(Member m, DateOnly today) => new(
        m.Id, Masking.IdNumber(m.IdNumber), m.Name, m.Relation, m.Sex, m.BirthDate.Year, Age(m.BirthDate, today), m.Ethnicity,
        m.Education, m.SchoolStage, m.OutOfSchoolReason, m.Health, m.DisabilityGrade, m.Labour, m.WorkPlace, m.WorkMonths,
        m.MedicalInsurance, m.SeriousIllnessInsurance, m.Pension, m.FamilyDoctorSigned, Masking.Phone(m.Phone), m.Entry,
        m.EntryYear, m.Status, m.StatusChangedOn, m.StatusReason, m.Version);

    public static int Age(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
}
