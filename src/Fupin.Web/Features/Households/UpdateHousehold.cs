using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Households;

public static class UpdateHousehold
{
    public sealed record Request
    {
        public HouseholdInput Household { get; set; } = new();
        /// <summary>The version the client read; a newer stored version means someone else saved first.</summary>
        public int Version { get; set; }
    }

    public static async Task<Outcome<int>> Handle(AppDbContext db, Guid id, Request r, DateOnly today, CancellationToken ct)
    {
        var household = await RegistryCommands.LoadForChangeAsync(db, id, ct);
        if (household is null)
        {
            return new Outcome<int>.NotFound();
        }
        var errors = new Errors();
        HouseholdRules.Validate(r.Household, today, errors);
        if (r.Household.GroupId is { } gid && !await db.VillageGroups.AnyAsync(g => g.Id == gid && g.RegionCode == household.RegionCode, ct))
        {
            errors.Add("groupId", "所选村民小组不属于该行政村");
        }
        if (errors.Any)
        {
            return new Outcome<int>.Invalid(errors);
        }
        RegistryCommands.ExpectVersion(db, household, r.Version);
        HouseholdRules.Apply(r.Household, household);
        RegistryCommands.Recount(household, today);
        return await RegistryCommands.SaveAsync(db, () => household.Version, ct);
    }
}
