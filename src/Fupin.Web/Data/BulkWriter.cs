using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

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
        var (entity, table, columns) = Columns<T>(db);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        if (connection is NpgsqlConnection pg)
        {
            var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
            var writers = columns.Select(c => PgCopyRows.WriterFor(c.StoreType, $"{table}.{c.Column}")).ToArray();
            var typed = (Action<PgCopyRows, T>?[])TypedCopyWriters.GetValue(entity, _ =>
                columns.Select(c => TypedCopyWriter<T>(c.Property, c.StoreType, c.Converter)).ToArray());
            await using var stream = await pg.BeginRawBinaryCopyAsync(copy, ct);
            using var buffer = new PgCopyRows(stream);
            buffer.Header();
            try
            {
                var count = 0;
                foreach (var row in rows)
                {
                    if ((++count & 0xFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                    // The binary rows are written here (PgCopyRows); Npgsql's importer spent more on each value
                    // than the server spends storing it.
                    buffer.StartRow(columns.Count);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (typed[i] is { } write)
                        {
                            write(buffer, row);
                            continue;
                        }
                        var value = Value(columns[i].Getter.GetClrValueUsingContainingEntity(row), columns[i].Converter);
                        if (value is null)
                        {
                            buffer.Null();
                        }
                        else
                        {
                            writers[i](buffer, value);
                        }
                    }
                }
                buffer.Finish();
            }
            catch
            {
                // Never let a half-written COPY complete.
                await stream.CancelAsync();
                throw;
            }
            return;
        }

        // SQLite: one statement prepared once and bound through the native API. Microsoft.Data.Sqlite's
        // parameter objects cost more than SQLite's own work on a wide row (measured: 2.3× slower).
        using var insert = SqliteInsert<T>(db);
        var added = 0;
        foreach (var row in rows)
        {
            if ((++added & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            insert.Add(row);
        }
    }

    /// <summary>A prepared INSERT of <typeparamref name="T"/> rows on the context's open SQLite connection, inside its current transaction.</summary>
    public static SqliteInserter<T> SqliteInsert<T>(AppDbContext db) where T : class
    {
        var (entity, table, columns) = Columns<T>(db);
        var handle = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).Handle!;
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        var binders = (Action<SqliteRow, T>?[])TypedSqliteBinders.GetValue(entity, _ =>
            columns.Select(c => TypedSqliteBinder<T>(c.Property, c.Converter)).ToArray());
        // A column without a typed binder goes through the boxed path.
        var fallbacks = columns.Select((c, i) => binders[i] is null
            ? (Action<sqlite3_stmt, T>)((statement, row) => SqliteNative.Check(handle,
                SqliteNative.Bind(statement, i + 1, Value(c.Getter.GetClrValueUsingContainingEntity(row), c.Converter), $"{table}.{c.Column}")))
            : null).ToArray();
        SqliteNative.Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        return new SqliteInserter<T>(handle, statement, binders, fallbacks);
    }

    /// <summary>The mapped table of <typeparamref name="T"/> and the columns a bulk write fills (all but a generated long key).</summary>
    private static (IEntityType Entity, string Table, List<(IProperty Property, string Column, IClrPropertyGetter Getter,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, string StoreType)> Columns) Columns<T>(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never || p.ClrType != typeof(long))
            .Select(p => (Property: p, Column: p.GetColumnName(store)!, Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter,
                StoreType: BaseType(p.GetColumnType(store))))
            .ToList();
        return (entity, table, columns);
    }

    /// <summary>One prepared INSERT, reused for every row until disposed.</summary>
    public sealed class SqliteInserter<T> : IDisposable
    {
        private readonly sqlite3 _handle;
        private readonly sqlite3_stmt _statement;
        private readonly Action<SqliteRow, T>?[] _binders;
        private readonly Action<sqlite3_stmt, T>?[] _fallbacks;
        private readonly SqliteRow _row;
        private readonly nint _rawStatement;

        internal SqliteInserter(sqlite3 handle, sqlite3_stmt statement, Action<SqliteRow, T>?[] binders, Action<sqlite3_stmt, T>?[] fallbacks)
        {
            (_handle, _statement, _binders, _fallbacks) = (handle, statement, binders, fallbacks);
            _row = new SqliteRow(handle, statement, binders.Length);
            _rawStatement = statement.DangerousGetHandle();
        }

        public void Add(T row)
        {
            _row.StartRow();
            for (var i = 0; i < _binders.Length; i++)
            {
                if (_binders[i] is { } bind)
                {
                    _row.Column = i + 1;
                    bind(_row, row);
                }
                else
                {
                    _fallbacks[i]!(_statement, row);
                }
            }
            var step = SqliteDirect.Step(_rawStatement);
            if (step != raw.SQLITE_DONE)
            {
                SqliteNative.Check(_handle, step);
            }
            SqliteDirect.Reset(_rawStatement);
        }

        public void Dispose() => raw.sqlite3_finalize(_statement);
    }

    /// <summary>
    /// For a load that is large against what a table holds: drops the tables' secondary indexes (and on
    /// PostgreSQL their foreign keys) inside the caller's transaction and returns their definitions, for <see cref="RestoreIndexesAsync"/>
    /// before the commit. Building an index once over sorted keys is several times cheaper than inserting a
    /// million random keys one by one; a rollback restores the indexes with everything else. On PostgreSQL
    /// this holds an exclusive lock on the tables until the commit, which is why it is only for loads that
    /// at least double a table (a county's first import), never for routine updates.
    /// </summary>
    /// <param name="deferLookups">
    /// PostgreSQL: the indexes that enforce nothing (not unique) are not rebuilt inside the load but recorded in
    /// <see cref="AppDbContext.DeferredIndexes"/>, in the same transaction, and built by
    /// <see cref="BulkLoadMaintenance"/> after the commit. Until the commit the load holds the tables under an
    /// exclusive lock that stops even reads; the builds after it take a lock that lets reads go on. What an
    /// index enforces (the primary and unique keys) is in place at the commit. Ignored on SQLite, whose readers
    /// go on reading the tables as they were throughout a load.
    /// </param>
    public static async Task<IReadOnlyList<string>> DropIndexesAsync(AppDbContext db, IReadOnlyList<string> tables, CancellationToken ct, bool deferLookups = false)
    {
        var definitions = new List<(string Name, string Sql, bool Later)>();
        var deferring = deferLookups && !db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        var list = string.Join(", ", tables.Select(t => $"'{t.Replace("'", "''", StringComparison.Ordinal)}'"));
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // PostgreSQL: the primary keys stay (they are constraints; DROP INDEX cannot take them).
            cmd.CommandText = db.Database.IsSqlite()
                ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({list})"
                : $"SELECT i.indexname, i.indexdef, x.indisunique FROM pg_indexes i JOIN pg_index x ON x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass " +
                  $"WHERE i.schemaname = current_schema() AND i.tablename IN ({list}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                // Left for after the commit: a PostgreSQL lookup index (not unique), when the caller asks for it.
                definitions.Add((reader.GetString(0), reader.GetString(1), deferring && !reader.GetBoolean(2)));
            }
        }
        foreach (var (name, _, _) in definitions)
        {
            // The names come from the schema itself, quoted as identifiers.
            var drop = "DROP INDEX \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
        foreach (var (name, sql, _) in definitions.Where(d => d.Later))
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"DeferredIndexes\" (\"Name\", \"Definition\", \"CreatedAt\") VALUES ({0}, {1}, clock_timestamp()) " +
                "ON CONFLICT (\"Name\") DO UPDATE SET \"Definition\" = excluded.\"Definition\"", [name, sql], ct);
        }
        var restore = definitions.Where(d => !d.Later).Select(d => d.Sql).ToList();
        if (!db.Database.IsSqlite())
        {
            // PostgreSQL checks a foreign key row by row during COPY (half the load's server time, measured).
            // Added back after the indexes as NOT VALID: enforced from that moment for every row written or
            // changed, while the rows already loaded (whose keys the import checked itself) are validated after
            // the commit by BulkLoadMaintenance, which takes no lock that stops reads or writes (0.7 s of a
            // county's first load). SQLite's import connection turns its foreign-key checks off for a bulk load
            // and never validates the loaded rows at all.
            var keys = new List<(string Table, string Name, string Definition)>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                cmd.CommandText = "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid " +
                                  $"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname IN ({list})";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            foreach (var (table, name, definition) in keys)
            {
                // Names from the catalogue, quoted as identifiers.
                var drop = "ALTER TABLE " + Quote(table) + " DROP CONSTRAINT " + Quote(name);
                await db.Database.ExecuteSqlRawAsync(drop, ct);
                restore.Add($"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition} NOT VALID");
            }
        }
        return restore;
    }

    public static async Task RestoreIndexesAsync(AppDbContext db, IReadOnlyList<string> definitions, CancellationToken ct)
    {
        foreach (var sql in definitions)
        {
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, object> TypedCopyWriters = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IEntityType, object> TypedSqliteBinders = [];

    /// <summary>A column's COPY writer (see <see cref="TypedWriter{TWriter, T}"/>); the method by the column's store type.</summary>
    private static Action<PgCopyRows, T>? TypedCopyWriter<T>(IProperty property, string storeType,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
        TypedWriter<PgCopyRows, T>(property, converter, type => (storeType, type) switch
        {
            ("uuid", _) when type == typeof(Guid) => nameof(PgCopyRows.Uuid),
            ("text" or "character varying" or "character", _) when type == typeof(string) => nameof(PgCopyRows.Text),
            ("integer", _) when type == typeof(int) => nameof(PgCopyRows.Int32),
            ("bigint", _) when type == typeof(long) => nameof(PgCopyRows.Int64),
            ("smallint", _) when type == typeof(short) => nameof(PgCopyRows.Int16),
            ("boolean", _) when type == typeof(bool) => nameof(PgCopyRows.Bool),
            ("date", _) when type == typeof(DateOnly) => nameof(PgCopyRows.Date),
            ("timestamp with time zone", _) when type == typeof(DateTime) => nameof(PgCopyRows.Timestamp),
            ("numeric", _) when type == typeof(decimal) => nameof(PgCopyRows.Numeric),
            ("double precision", _) when type == typeof(double) => nameof(PgCopyRows.Double),
            _ => null,
        }, integersWiden: false);

    /// <summary>A column's SQLite binder (see <see cref="TypedWriter{TWriter, T}"/>), in the forms of <see cref="SqliteNative.Bind"/>.</summary>
    private static Action<SqliteRow, T>? TypedSqliteBinder<T>(IProperty property,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
        TypedWriter<SqliteRow, T>(property, converter, type =>
            type == typeof(string) ? nameof(SqliteRow.Text)
            : type == typeof(Guid) ? nameof(SqliteRow.Guid)
            : type == typeof(long) ? nameof(SqliteRow.Int64)
            : type == typeof(bool) ? nameof(SqliteRow.Bool)
            : type == typeof(double) ? nameof(SqliteRow.Double)
            : type == typeof(DateOnly) ? nameof(SqliteRow.Date)
            : type == typeof(DateTime) ? nameof(SqliteRow.Timestamp)
            : type == typeof(decimal) ? nameof(SqliteRow.Decimal)
            : type == typeof(byte[]) ? nameof(SqliteRow.Blob)
            : null, integersWiden: true);

    /// <summary>
    /// A compiled writer of one column's value straight from the entity, with the model's converter inlined:
    /// no boxing of the value, nor of the converted value (30 boxes a row, half a gigabyte of garbage for a
    /// county's members), and an enum stored by name takes its name from <see cref="EnumNames{TEnum}"/>
    /// instead of a new string per value. <paramref name="methodFor"/> names the writer's method for the
    /// provider value's type; with <paramref name="integersWiden"/> small integers and enums stored as numbers
    /// go to the Int64 method. Null for what it does not cover (a shadow property, an unusual provider type);
    /// that column goes through the boxed path. Cached per entity type of each model.
    /// </summary>
    private static Action<TWriter, T>? TypedWriter<TWriter, T>(IProperty property,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter, Func<Type, string?> methodFor, bool integersWiden)
    {
        if (property.PropertyInfo is not { } info || property.IsShadowProperty() || !info.DeclaringType!.IsAssignableFrom(typeof(T)))
        {
            return null;
        }
        var writer = System.Linq.Expressions.Expression.Parameter(typeof(TWriter), "writer");
        var row = System.Linq.Expressions.Expression.Parameter(typeof(T), "row");
        System.Linq.Expressions.Expression value = System.Linq.Expressions.Expression.Property(row, info);
        var underlying = Nullable.GetUnderlyingType(value.Type);
        var nullable = !value.Type.IsValueType || underlying is not null;
        var present = underlying is not null ? System.Linq.Expressions.Expression.Property(value, "Value") : value;
        if (converter is not null && converter.GetType() is { IsGenericType: true } c &&
            c.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.Storage.ValueConversion.EnumToStringConverter<>) &&
            present.Type == converter.ModelClrType)
        {
            present = System.Linq.Expressions.Expression.Call(typeof(EnumNames<>).MakeGenericType(present.Type).GetMethod(nameof(EnumNames<DayOfWeek>.Of))!, present);
        }
        else if (converter is not null)
        {
            var convert = converter.ConvertToProviderExpression;
            var parameter = convert.Parameters[0].Type;
            present = System.Linq.Expressions.Expression.Invoke(convert, present.Type == parameter ? present : System.Linq.Expressions.Expression.Convert(present, parameter));
        }
        if (integersWiden && (present.Type.IsEnum || present.Type == typeof(int) || present.Type == typeof(short) || present.Type == typeof(byte)))
        {
            present = System.Linq.Expressions.Expression.Convert(present, typeof(long));
        }
        if (methodFor(present.Type) is not { } method)
        {
            return null;
        }
        System.Linq.Expressions.Expression body = System.Linq.Expressions.Expression.Call(writer, typeof(TWriter).GetMethod(method, [present.Type])!, present);
        if (nullable)
        {
            body = System.Linq.Expressions.Expression.IfThenElse(
                System.Linq.Expressions.Expression.Equal(value, System.Linq.Expressions.Expression.Constant(null, value.Type)),
                System.Linq.Expressions.Expression.Call(writer, typeof(TWriter).GetMethod("Null")!),
                body);
        }
        return System.Linq.Expressions.Expression.Lambda<Action<TWriter, T>>(body, writer, row).Compile();
    }

    /// <summary>"character varying(12)" → "character varying": the type name COPY's writer resolves.</summary>
    private static string BaseType(string storeType) => storeType.IndexOf('(') is var i and > 0 ? storeType[..i].Trim() : storeType;


    private static object? Value(object? clr, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter) =>
        clr is null ? null : converter is null ? clr : converter.ConvertToProvider(clr);
}
