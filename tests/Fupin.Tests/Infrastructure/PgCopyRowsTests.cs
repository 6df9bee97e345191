using System.Globalization;
using Fupin.Web.Data;
using Npgsql;

namespace Fupin.Tests.Infrastructure;

/// <summary>The binary COPY rows the bulk path writes itself are read back by PostgreSQL as the values written.</summary>
public sealed class PgCopyRowsTests
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Decimals => new()
    {
        "0", "0.00", "1", "-1", "12.5", "12.50", "0.01", "-0.01", "9999", "10000", "10001", "123456789.1234", "-987654321.000001",
        "0.0001", "0.00001", "100000000", "3900", "1450.00", "79228162514264337593543950335", "-0.5", "0.123456789012345678",
    };

    [Theory]
    [MemberData(nameof(Decimals))]
    public async Task Numeric_values_arrive_exact_with_their_scale(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var back = await RoundTripAsync("numeric", w => w.Numeric(value));
        Assert.Equal(text, back);
    }

    [Fact]
    public async Task Every_type_the_model_uses_arrives_as_written()
    {
        var id = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        Assert.Equal(id.ToString(), await RoundTripAsync("uuid", w => w.Uuid(id)));
        Assert.Equal("王小明（户主）‘=1+2’", await RoundTripAsync("text", w => w.Text("王小明（户主）‘=1+2’")));
        Assert.Equal("", await RoundTripAsync("character varying(12)", w => w.Text("")));
        Assert.Equal("-2147483648", await RoundTripAsync("integer", w => w.Int32(int.MinValue)));
        Assert.Equal("9007199254740993", await RoundTripAsync("bigint", w => w.Int64(9007199254740993)));
        Assert.Equal("-7", await RoundTripAsync("smallint", w => w.Int16(-7)));
        Assert.Equal("True", await RoundTripAsync("boolean", w => w.Bool(true)));
        Assert.Equal("1999-12-31", await RoundTripAsync("date", w => w.Date(new DateOnly(1999, 12, 31))));
        Assert.Equal("2026-11-24", await RoundTripAsync("date", w => w.Date(new DateOnly(2026, 11, 24))));
        Assert.Equal("2026-11-24T04:05:06.1234560Z", await RoundTripAsync("timestamptz",
            w => w.Timestamp(new DateTime(2026, 11, 24, 4, 5, 6, DateTimeKind.Utc).AddTicks(1234567))));
        Assert.Equal("1985-03-01T00:00:00.0000000Z", await RoundTripAsync("timestamptz", w => w.Timestamp(new DateTime(1985, 3, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal("19.0123456", await RoundTripAsync("double precision", w => w.Double(19.0123456)));
        Assert.Equal("", await RoundTripAsync("text", w => w.Null()), ignoreCase: false);
    }

    [Fact]
    public void A_type_the_bulk_path_does_not_know_is_refused_up_front()
    {
        Assert.Throws<NotSupportedException>(() => PgCopyRows.WriterFor("jsonb", "T.C"));
    }

    /// <summary>One row of one column through a raw binary COPY into a temporary table, read back as invariant text ("" for null).</summary>
    private async Task<string> RoundTripAsync(string type, Action<PgCopyRows> write)
    {
        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnection);
        await connection.OpenAsync(Ct);
        await using (var create = new NpgsqlCommand($"CREATE TEMPORARY TABLE t (v {type})", connection))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }
        await using (var stream = await connection.BeginRawBinaryCopyAsync("COPY t (v) FROM STDIN (FORMAT BINARY)", Ct))
        {
            using var rows = new PgCopyRows(stream);
            rows.Header();
            rows.StartRow(1);
            write(rows);
            rows.Finish();
        }
        await using var read = new NpgsqlCommand("SELECT v FROM t", connection);
        await using var reader = await read.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        if (reader.IsDBNull(0))
        {
            return "";
        }
        return reader.GetValue(0) switch
        {
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            DateTime t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString()!,
        };
    }
}
