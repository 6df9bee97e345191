using Fupin.Web.Data;
using Fupin.Web.Rules;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

/// <summary>Registers a household (新识别 or 补录) together with its head.</summary>
public static class CreateHousehold
{
    public sealed record Request
    {
        /// <summary>The administrative village (12 digits) in the user's scope.</summary>
        public string RegionCode { get; set; } = "";
        /// <summary>户编号; generated from the village code when left empty.</summary>
        public string? HouseholdNumber { get; set; }
        public HouseholdInput Household { get; set; } = new();
        public MemberInput Head { get; set; } = new();
        /// <summary>An application (申请中): the household enters the registry only when its identification procedure is announced.</summary>
        public bool AsApplicant { get; set; }
    }

    public static async Task<Outcome<Guid>> Handle(AppDbContext db, Request r, DateOnly today, CancellationToken ct)
    {
        var errors = new Errors();
        var region = RegionCodes.IsWellFormed(r.RegionCode)
            ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == r.RegionCode, ct)
            : null;
        if (region is null)
        {
            errors.Add("regionCode", "所属行政村不存在或不在您的管辖范围内");
        }
        else if (region.Level != RegionLevel.Village)
        {
            errors.Add("regionCode", "农户必须登记到行政村一级，请选择村");
        }
        if (r.Household.GroupId is { } gid && !await db.VillageGroups.AnyAsync(g => g.Id == gid && g.RegionCode == r.RegionCode, ct))
        {
            errors.Add("household.groupId", "所选村民小组不属于该行政村");
        }
        var number = r.HouseholdNumber?.Trim();
        if (!string.IsNullOrEmpty(number))
        {
            errors.MaxLength("householdNumber", number, "户编号", 30);
            if (await db.Households.IgnoreQueryFilters().AnyAsync(h => h.HouseholdNumber == number, ct))
            {
                errors.Add("householdNumber", "户编号已被使用");
            }
        }
        var householdErrors = new Errors();
        HouseholdRules.Validate(r.Household, today, householdErrors);
        foreach (var (field, messages) in householdErrors.ToDictionary())
        {
            foreach (var m in messages)
            {
                errors.Add("household." + field, m);
            }
        }
        var head = r.Head with { Relation = Relation.Head };
        var id = MemberRules.Validate(head, "head.", today, idRequired: true, errors);
        if (id is not null)
        {
            await RegistryCommands.CheckIdFreeAsync(db, id.Normalized, null, "head.idNumber", errors, ct);
        }
        if (errors.Any)
        {
            return new Outcome<Guid>.Invalid(errors);
        }

        var household = new Household
        {
            Id = Guid.CreateVersion7(),
            RegionCode = r.RegionCode,
            HouseholdNumber = string.IsNullOrEmpty(number) ? await NextNumberAsync(db, r.RegionCode, ct) : number,
            HeadName = head.Name.Trim(),
            Status = r.AsApplicant ? HouseholdStatus.Applicant : HouseholdStatus.NotLifted,
            StatusChangedOn = today,
            StatusReason = r.AsApplicant ? "本人申请，待识别" : null,
        };
        HouseholdRules.Apply(r.Household, household);
        var member = new Member { Id = Guid.CreateVersion7(), RegionCode = r.RegionCode, IdNumber = "", Name = "", Ethnicity = "" };
        MemberRules.Apply(head, member, id);
        member.EntryYear ??= r.Household.YearIdentified;
        household.Members.Add(member);
        RegistryCommands.Recount(household, today);
        db.Households.Add(household);
        return await RegistryCommands.SaveAsync(db, () => household.Id, ct);
    }

    /// <summary>Village code + 4-digit serial, the shape county numbers take.</summary>
    internal static async Task<string> NextNumberAsync(AppDbContext db, string villageCode, CancellationToken ct)
    {
        var end = villageCode + "\uffff";
        var last = await db.Households.IgnoreQueryFilters()
            .Where(h => string.Compare(h.HouseholdNumber, villageCode) >= 0 && string.Compare(h.HouseholdNumber, end) < 0)
            .OrderByDescending(h => h.HouseholdNumber)
            .Select(h => h.HouseholdNumber)
            .FirstOrDefaultAsync(ct);
        var serial = last is not null && last.Length == 16 && int.TryParse(last.AsSpan(12), out var n) ? n + 1 : 1;
        return $"{villageCode}{serial:0000}";
    }
}
