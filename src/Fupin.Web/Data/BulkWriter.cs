using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fupin.Web.Data;

/// <summary>
/// Inserts many rows without the change tracker: one prepared, reused INSERT inside the caller's
/// transaction on SQLite; binary COPY on PostgreSQL. Column names and value conversions come from the
/// EF model, so the two stay in step. Used by the demo generator (and the import path).
/// </summary>
public static class BulkWriter
{
    public static async Task InsertAsync<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never || p.ClrType != typeof(long))
            .Select(p => (Property: p, Column: p.GetColumnName(store)!, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter))
            .ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        if (connection is NpgsqlConnection pg)
        {
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var writer = await pg.BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var c in columns)
                {
                    var value = Value(c.Getter.GetClrValueUsingContainingEntity(row), c.Converter);
                    if (value is null)
                    {
                        await writer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await writer.WriteAsync(value, ct);
                    }
                }
            }
            await writer.CompleteAsync(ct);
            return;
        }

        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
                          $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = cmd.CreateParameter();
            parameters[i].ParameterName = "$p" + i;
            cmd.Parameters.Add(parameters[i]);
        }
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = Value(columns[i].Getter.GetClrValueUsingContainingEntity(row), columns[i].Converter);
                parameters[i].Value = value switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(), // EF's SQLite text form of a Guid
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                    decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => value,
                };
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? Value(object? clr, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
        clr is null ? null : converter is null ? clr : converter.ConvertToProvider(clr);
}
