using System.Linq.Expressions;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Regions;
using Fupin.Web.Rules;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Data;

/// <summary>
/// The one context of the application. Its two subclasses in <c>Data/Migrations</c> exist only to own each
/// provider's migration set (decision 013); everything else uses this type.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, CurrentUser user)
    : IdentityDbContext<AppUser>(options)
{
    public CurrentUser User { get; } = user;

    /// <summary>A second context for the same user and database, for reading in parallel with this one (its own connection).</summary>
    public AppDbContext Sibling() => new(options, User);

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<VillageGroup> VillageGroups => Set<VillageGroup>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DeferredIndex> DeferredIndexes => Set<DeferredIndex>();

    // Read by the query filters on every query, per context instance: the scope of the acting user as
    // an inclusive code range. No user means a range that no digit code falls in.
    private string ScopeLow => User.ScopePrefix is { } p ? RegionCodes.Range(p).Low : "~";
    private string ScopeHigh => User.ScopePrefix is { } p ? RegionCodes.Range(p).High : "~";
    private bool PairedOnly => User.PairedOnly;

    private List<Guid>? _pairedCadres;

    /// <summary>
    /// The cadre rows tied to an assistance cadre's account (empty for everyone else), read once per context without
    /// the region filter: a township's cadre may sign in with an account scoped to the village it serves.
    /// </summary>
    internal List<Guid> PairedCadres => !PairedOnly ? [] : _pairedCadres ??= LoadPairedCadres();

    private List<Guid> LoadPairedCadres()
    {
        using var system = new AppDbContext(options, CurrentUser.System());
        var me = User.UserName;
        return system.Set<Features.Assistance.Cadre>().AsNoTracking().Where(c => c.UserName == me).Select(c => c.Id).ToList();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Codes (ID numbers, 户编号, region codes) compare byte by byte on PostgreSQL, as they do in code
            // (ordinal) and on SQLite: a database created with a language collation would otherwise sort and
            // index them through the C library's collation, which made a county's index builds ~15% slower.
            builder.Entity<Member>().Property(m => m.IdNumber).UseCollation("C");
            builder.Entity<Member>().Property(m => m.RegionCode).UseCollation("C");
            builder.Entity<Household>().Property(h => h.HouseholdNumber).UseCollation("C");
            builder.Entity<Household>().Property(h => h.RegionCode).UseCollation("C");
            // Names too, in code point order as on SQLite (decision 012): the list finds a name by prefix as the
            // index range [text, text + U+FFFF), which only holds in code point order (a language collation may
            // sort a longer name outside it), and a county's member-name index builds in half the time.
            builder.Entity<Member>().Property(m => m.Name).UseCollation("C");
            builder.Entity<Household>().Property(h => h.HeadName).UseCollation("C");
        }

        builder.Entity<Region>().HasQueryFilter(InScope<Region>(r => r.Code));
        builder.Entity<VillageGroup>().HasQueryFilter(InScope<VillageGroup>(g => g.RegionCode));
        Scoped<RegionChange>(builder, x => x.RegionCode);
        Scoped<StatusCorrection>(builder, x => x.RegionCode);
        builder.Entity<Household>().HasQueryFilter(InScope<Household>(h => h.RegionCode));
        builder.Entity<Member>().HasQueryFilter(InScope<Member>(m => m.RegionCode));
        builder.Entity<Features.Income.IncomeRecord>().HasQueryFilter(InScope<Features.Income.IncomeRecord>(r => r.RegionCode));
        builder.Entity<Features.Assurance.AssuranceRecord>().HasQueryFilter(InScope<Features.Assurance.AssuranceRecord>(r => r.RegionCode));
        builder.Entity<Features.Exit.VillageProfile>().HasQueryFilter(InScope<Features.Exit.VillageProfile>(p => p.RegionCode));
        builder.Entity<Features.Procedures.ProcedureCase>().HasQueryFilter(InScope<Features.Procedures.ProcedureCase>(c => c.RegionCode));
        builder.Entity<Features.Procedures.ProcedureStep>().HasQueryFilter(InScope<Features.Procedures.ProcedureStep>(s => s.RegionCode));
        builder.Entity<Features.Procedures.ProcedureObjection>().HasQueryFilter(InScope<Features.Procedures.ProcedureObjection>(o => o.RegionCode));
        builder.Entity<Features.Import.ImportJob>().HasQueryFilter(InScope<Features.Import.ImportJob>(j => j.RegionCode));
        builder.Entity<Features.Procedures.ProcedureAttachment>().HasQueryFilter(InScope<Features.Procedures.ProcedureAttachment>(a => a.RegionCode));
        builder.Entity<Features.Comparison.RosterBatch>().HasQueryFilter(InScope<Features.Comparison.RosterBatch>(b => b.RegionCode));
        builder.Entity<Features.Comparison.RosterEntry>().HasQueryFilter(InScope<Features.Comparison.RosterEntry>(e => e.RegionCode));
        builder.Entity<Features.Comparison.ComparisonRound>().HasQueryFilter(InScope<Features.Comparison.ComparisonRound>(r => r.RegionCode));
        builder.Entity<Features.Comparison.ComparisonFinding>().HasQueryFilter(InScope<Features.Comparison.ComparisonFinding>(f => f.RegionCode));
        builder.Entity<Features.Monitoring.HouseholdLight>().HasQueryFilter(InScope<Features.Monitoring.HouseholdLight>(l => l.RegionCode));
        builder.Entity<Features.Monitoring.LightNote>().HasQueryFilter(InScope<Features.Monitoring.LightNote>(n => n.RegionCode));
        builder.Entity<Features.Monitoring.RiskEvent>().HasQueryFilter(InScope<Features.Monitoring.RiskEvent>(e => e.RegionCode));
        Scoped<Features.Assistance.HelpUnit>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.Cadre>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.Pairing>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.AssistancePlan>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.AssistanceMeasure>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.Visit>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.AssistanceFile>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.WorkTeam>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.TeamMember>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.TeamCheckIn>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.TeamLog>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.NightSchoolSession>(builder, x => x.RegionCode);
        Scoped<Features.Assistance.NightSchoolSignIn>(builder, x => x.RegionCode);
        Scoped<Features.Funds.FundBatch>(builder, x => x.RegionCode);
        Scoped<Features.Funds.Allocation>(builder, x => x.RegionCode);
        Scoped<Features.Funds.Disbursement>(builder, x => x.RegionCode);
        Scoped<Features.Funds.SpendingSnapshot>(builder, x => x.RegionCode);
        Scoped<Features.Funds.SnapshotLine>(builder, x => x.RegionCode);
        Scoped<Features.Funds.Project>(builder, x => x.RegionCode);
        Scoped<Features.Funds.ProjectFunding>(builder, x => x.RegionCode);
        Scoped<Features.Funds.ProjectStep>(builder, x => x.RegionCode);
        Scoped<Features.Funds.ProjectBeneficiary>(builder, x => x.RegionCode);
        Scoped<Features.Funds.ProjectFile>(builder, x => x.RegionCode);
        Scoped<Features.Funds.NoticePosting>(builder, x => x.RegionCode);
        Scoped<Features.Funds.Asset>(builder, x => x.RegionCode);
        Scoped<Features.Funds.AssetIncome>(builder, x => x.RegionCode);
        Scoped<Features.Funds.AssetShare>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.PlanTask>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.TaskReport>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.UnitLightRecord>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.Interview>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.RectificationItem>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.WorkReport>(builder, x => x.RegionCode);
        Scoped<Features.Supervision.ScheduledRun>(builder, x => x.RegionCode);
    }

    private void Scoped<T>(ModelBuilder builder, Expression<Func<T, string>> code) where T : class =>
        builder.Entity<T>().HasQueryFilter(InScope(code));

    /// <summary>Households whose light must be recomputed after the current save (see LightRefreshInterceptor).</summary>
    internal HashSet<Guid> LightsPending { get; } = [];

    /// <summary>Set while lights are being refreshed, or by a bulk job that recomputes them itself.</summary>
    public bool SuppressLightRefresh { get; set; }

    /// <summary>
    /// The region scope, and for an assistance cadre (<see cref="CurrentUser.PairedOnly"/>) the pairing scope too: a
    /// household, and any row of a household (a HouseholdId column), only when the cadre is or was paired with it;
    /// pairings only the cadre's own. Writes need an open pairing (<see cref="Features.Assistance.PairingScope"/>).
    /// </summary>
    private Expression<Func<T, bool>> InScope<T>(Expression<Func<T, string>> code)
    {
        var region = InRegion(code);
        var x = region.Parameters[0];
        Expression? paired = null;
        if (typeof(T) == typeof(Features.Assistance.Pairing))
        {
            Expression<Func<Guid, bool>> own = cadreId => !PairedOnly || PairedCadres.Contains(cadreId);
            paired = Substitute(own, Expression.Property(x, nameof(Features.Assistance.Pairing.CadreId)));
        }
        else if ((typeof(T) == typeof(Household) ? nameof(Household.Id) : "HouseholdId") is var name
                 && typeof(T).GetProperty(name) is { } property && (property.PropertyType == typeof(Guid) || property.PropertyType == typeof(Guid?)))
        {
            Expression<Func<Guid?, bool>> pairedWith = householdId => !PairedOnly || Set<Features.Assistance.Pairing>().Any(p => (Guid?)p.HouseholdId == householdId);
            paired = Substitute(pairedWith, Expression.Convert(Expression.Property(x, property), typeof(Guid?)));
        }
        return paired is null ? region : Expression.Lambda<Func<T, bool>>(Expression.AndAlso(region.Body, paired), x);
    }

    private static Expression Substitute(LambdaExpression lambda, Expression argument) =>
        new ParameterSwap(lambda.Parameters[0], argument).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>code BETWEEN low AND high, written so EF turns it into an index range on both providers.</summary>
    private Expression<Func<T, bool>> InRegion<T>(Expression<Func<T, string>> code)
    {
        var x = code.Parameters[0];
        var self = Expression.Constant(this, typeof(AppDbContext));
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var low = Expression.Call(compare, code.Body, Expression.Property(self, nameof(ScopeLow)));
        var high = Expression.Call(compare, code.Body, Expression.Property(self, nameof(ScopeHigh)));
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(low, Expression.Constant(0)),
            Expression.LessThanOrEqual(high, Expression.Constant(0)));
        return Expression.Lambda<Func<T, bool>>(body, x);
    }
}
