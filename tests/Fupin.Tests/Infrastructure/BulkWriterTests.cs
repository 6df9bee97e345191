using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Fupin.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Tests.Infrastructure;

/// <summary>
/// Rows written by the bulk path (compiled per-column writers into binary COPY on PostgreSQL, native binding on
/// SQLite) read back through EF as the very values written, column by column, with every optional value
/// both set and left empty.
/// </summary>
public abstract class BulkWriterTests(FupinApp app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_mapped_column_of_a_household_and_its_members_arrives_as_written()
    {
        var now = new DateTime(2026, 11, 24, 4, 5, 6, DateTimeKind.Utc).AddTicks(1230);
        var full = new Household
        {
            Id = Guid.CreateVersion7(),
            RegionCode = TestData.VillageA,
            HouseholdNumber = "BW" + Guid.NewGuid().ToString("N")[..12],
            HeadName = "批量户主",
            Phone = "13800000000",
            Address = "马坡村3组‘=1+2’",
            Latitude = 26.2512345,
            Longitude = 105.9312345,
            BankName = "农商行",
            BankAccount = "6217000011112222333",
            Attribute = HouseholdAttribute.Dibao,
            MainCause = PovertyCause.Illness,
            OtherCause1 = PovertyCause.Disability,
            OtherCause2 = PovertyCause.Schooling,
            YearIdentified = 2016,
            PlannedExitYear = 2019,
            YearLifted = 2019,
            YearReturned = 2024,
            Status = HouseholdStatus.Lifted,
            StatusChangedOn = new DateOnly(2019, 12, 31),
            StatusReason = "达标",
            HousingGrade = HousingGrade.C,
            HousingRenovated = true,
            HousingAreaM2 = 96.50m,
            Water = WaterStatus.Unsafe,
            ArableLandMu = 2.35m,
            IsMilitaryFamily = true,
            IsOnlyChildFamily = true,
            IsTwoDaughterFamily = true,
            MonitoringType = Fupin.Web.Features.Monitoring.MonitoringType.UnstableLifted,
            MonitoringSource = Fupin.Web.Features.Monitoring.MonitoringSource.CadreCheck,
            MonitoringRisks = "因病",
            MonitoringSince = new DateOnly(2025, 3, 1),
            RiskRemovedOn = new DateOnly(2026, 1, 2),
            RiskRemovalMode = Fupin.Web.Features.Monitoring.RiskRemovalMode.Assisted,
            AssistancePausedOn = new DateOnly(2026, 2, 3),
            AssistancePauseReason = "外出",
            MemberCount = 2,
            AssuranceGaps = Fupin.Web.Features.Assurance.AssuranceItem.Education | Fupin.Web.Features.Assurance.AssuranceItem.Water,
            Version = 3,
            CreatedAt = now,
            UpdatedAt = now.AddSeconds(1),
        };
        var bare = new Household
        {
            Id = Guid.CreateVersion7(),
            RegionCode = TestData.VillageA,
            HouseholdNumber = "BW" + Guid.NewGuid().ToString("N")[..12],
            HeadName = "",
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var members = new[]
        {
            new Member
            {
                Id = Guid.CreateVersion7(), HouseholdId = full.Id, RegionCode = full.RegionCode, IdNumber = TestData.NewId(Sex.Female, 1979), Name = "批量户主",
                Sex = Sex.Female, BirthDate = new DateOnly(1979, 2, 28), Relation = Relation.Head, Ethnicity = "苗族", Education = Education.JuniorHigh,
                OutOfSchoolReason = "无", Health = Health.Chronic | Health.Disabled, DisabilityGrade = 3, Labour = LabourCapacity.Weak, WorkPlace = "县内",
                WorkMonths = 7, MedicalInsurance = MedicalInsurance.Employee, SeriousIllnessInsurance = true, Pension = PensionInsurance.Resident,
                FamilyDoctorSigned = true, Phone = "13900000000", Entry = MemberEntry.MovedIn, EntryYear = 2020, Status = MemberStatus.Active,
                StatusChangedOn = new DateOnly(2020, 5, 6), StatusReason = "新增", Version = 2, CreatedAt = now, UpdatedAt = now,
            },
            new Member
            {
                Id = Guid.CreateVersion7(), HouseholdId = bare.Id, RegionCode = bare.RegionCode, IdNumber = TestData.NewId(Sex.Male, 2015), Name = "",
                Ethnicity = "", Version = 1, CreatedAt = now, UpdatedAt = now,
            },
        };

        await using (var db = app.SystemDb())
        {
            await db.Database.OpenConnectionAsync(Ct);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await BulkWriter.InsertAsync(db, [full, bare], Ct);
            await BulkWriter.InsertAsync(db, members, Ct);
            await tx.CommitAsync(Ct);
        }

        await using var read = app.SystemDb();
        foreach (var written in new[] { full, bare })
        {
            var back = await read.Households.IgnoreQueryFilters().AsNoTracking().SingleAsync(h => h.Id == written.Id, Ct);
            AssertSame(read, written, back);
        }
        foreach (var written in members)
        {
            var back = await read.Members.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.Id == written.Id, Ct);
            AssertSame(read, written, back);
        }
    }

    private static void AssertSame<T>(DbContext db, T written, T back) where T : class
    {
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            var expected = property.PropertyInfo!.GetValue(written);
            var actual = property.PropertyInfo.GetValue(back);
            if (expected is DateTime e && actual is DateTime a)
            {
                // Both databases keep microseconds; the kind of a read-back time is the provider's.
                Assert.Equal(e.Ticks / 10, a.Ticks / 10);
                continue;
            }
            Assert.True(Equals(expected, actual), $"{typeof(T).Name}.{property.Name}: wrote {expected}, read {actual}");
        }
    }
}

public sealed class BulkWriterTestsOnSqlite(SqliteApp app) : BulkWriterTests(app), IClassFixture<SqliteApp>;

public sealed class BulkWriterTestsOnPostgres(PostgresApp app) : BulkWriterTests(app), IClassFixture<PostgresApp>;
