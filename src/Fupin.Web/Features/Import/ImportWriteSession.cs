using System.Threading.Channels;
using Fupin.Web.Data;
using Fupin.Web.Features.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fupin.Web.Features.Import;

/// <summary>
/// The import's hold on the database while it writes: the connection, its one transaction and, for a bulk
/// load, the secondary indexes (and PostgreSQL's foreign keys) set aside until <see cref="CommitAsync"/> (on
/// PostgreSQL the lookup indexes until the housekeeping after it).
/// Members can be handed to a writer on a second thread (<see cref="StartStreaming"/>) while the file is
/// still being read and checked. Disposing without a commit rolls everything back.
/// </summary>
internal sealed class ImportWriteSession : IAsyncDisposable
{
    private const int Batch = 8192;

    private readonly AppDbContext _db;
    private readonly bool _sqlite;
    private IDbContextTransaction? _tx;
    private IReadOnlyList<string> _restore = [];
    private Channel<Handoff>? _channel;
    private Task? _writer;
    private CancellationTokenSource? _writerFailed;
    private CancellationToken _ct;
    private Handoff _batch = null!;
    private WalFlusher? _flusher;

    private ImportWriteSession(AppDbContext db, bool bulkLoad)
    {
        _db = db;
        _sqlite = db.Database.IsSqlite();
        BulkLoad = bulkLoad;
    }

    public bool BulkLoad { get; }

    /// <summary>Opens the connection and the transaction; a bulk load sets the tables' indexes aside.</summary>
    public static async Task<ImportWriteSession> BeginAsync(AppDbContext db, bool bulkLoad, RegistryImport.Progress progress, CancellationToken ct)
    {
        var session = new ImportWriteSession(db, bulkLoad);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        if (session._sqlite)
        {
            // No memory-mapped reads for the import's connection (mapped pages of a file being rewritten count
            // against the process), sorter threads for index builds, and for a bulk load no per-row FK lookups
            // (every key is checked by the import: villages in scope, households created in the same load or
            // found registered). Set before the transaction: SQLite ignores foreign_keys inside one. A bulk load
            // also gets a small page cache: SQLite's sorter sizes its in-memory runs by it, and with small runs its
            // worker thread sorts one run while the table scan fills the next (each index build about twice as
            // fast as with the connection's 32 MB cache, measured on a county's members); and no automatic
            // checkpoint (BulkLoadMaintenance folds the WAL in after the commit).
            await db.Database.ExecuteSqlRawAsync(bulkLoad ? "PRAGMA foreign_keys=OFF; PRAGMA mmap_size=0; PRAGMA threads=2; PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=0;" : "PRAGMA mmap_size=0;", ct);
        }
        session._tx = await db.Database.BeginTransactionAsync(ct);
        if (bulkLoad)
        {
            // On PostgreSQL the lookup indexes are built after the commit (BulkLoadMaintenance): until then the load
            // locks the tables even against reads, and those indexes cost the server a county's first load ~4 s
            // (maintained during the stream or built after it).
            session._restore = await BulkWriter.DropIndexesAsync(db, ["Households", "Members"], ct, deferLookups: true);
            if (session._sqlite)
            {
                session._flusher = WalFlusher.Start(db.Database.GetDbConnection().DataSource);
            }
        }
        progress.Time("drop indexes for the load", watch.Elapsed);
        return session;
    }

    /// <summary>
    /// Starts the second thread that inserts what is handed to <see cref="AddMemberAsync"/> (and on SQLite
    /// <see cref="AddHousehold"/>), in batches, inside this transaction. Nothing else may use the context
    /// until <see cref="EndStreamAsync"/>.
    /// </summary>
    /// <remarks>
    /// The channel holds three batches, plus room for <paramref name="backlog"/> members handed over at once
    /// (the rows read before the switch): the reading side goes on while the writer works through them.
    /// </remarks>
    public void StartStreaming(RegistryImport.Progress progress, int backlog, CancellationToken ct)
    {
        _channel = Channel.CreateBounded<Handoff>(new BoundedChannelOptions(3 + backlog / Batch) { SingleReader = true, SingleWriter = true });
        _ct = ct;
        _batch = new Handoff();
        _writerFailed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = _channel.Reader;
        var failed = _writerFailed;
        _writer = Task.Run(async () =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                if (_sqlite)
                {
                    // Two prepared INSERTs on the one connection: members, and households once complete.
                    using var members = BulkWriter.SqliteInsert<Member>(_db);
                    using var households = BulkWriter.SqliteInsert<Household>(_db);
                    foreach (var batch in reader.ReadAllAsync(failed.Token).ToBlockingEnumerable(failed.Token))
                    {
                        foreach (var m in batch.Members)
                        {
                            members.Add(m);
                        }
                        foreach (var build in batch.Households)
                        {
                            households.Add(build());
                        }
                        progress.Written(batch.Members.Count);
                    }
                    progress.Time("insert members and households (while reading)", watch.Elapsed);
                    return;
                }
                // One COPY for the whole stream: a COPY per batch would make the client wait at each batch's end
                // until the server has stored it, where one long COPY lets both work at once.
                await BulkWriter.InsertAsync(_db, Handed(reader, progress, failed.Token), failed.Token);
                progress.Time("insert members (while reading)", watch.Elapsed);
            }
            catch
            {
                // The reader stops waiting on a full channel, and sees this failure when it ends the stream.
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None);
    }

    /// <summary>What the reading side hands over at once: a batch of members, and households that are complete.</summary>
    private sealed class Handoff
    {
        public List<Member> Members { get; } = new(Batch);
        public List<Func<Household>> Households { get; } = [];
    }

    /// <summary>The members handed over, one batch after another, waiting for the next batch while there is none.</summary>
    private static IEnumerable<Member> Handed(ChannelReader<Handoff> reader, RegistryImport.Progress progress, CancellationToken ct)
    {
        foreach (var batch in reader.ReadAllAsync(ct).ToBlockingEnumerable(ct))
        {
            foreach (var m in batch.Members)
            {
                yield return m;
            }
            progress.Written(batch.Members.Count);
        }
    }

    public bool Streaming => _channel is not null;

    /// <summary>
    /// Whether households may be handed over during the stream too: on SQLite, whose writer has a statement
    /// for each table; PostgreSQL's one COPY takes one table, so households are written after it.
    /// </summary>
    public bool StreamsHouseholds => _sqlite && Streaming;

    public async ValueTask AddMemberAsync(Member m)
    {
        _batch.Members.Add(m);
        if (_batch.Members.Count == Batch)
        {
            await SendAsync();
        }
    }

    /// <summary>
    /// A household to insert, built on the writer's thread when its turn comes (from counts the reading side
    /// may still change: a household whose rows resume later is corrected after the stream).
    /// </summary>
    public void AddHousehold(Func<Household> build) => _batch.Households.Add(build);

    private async ValueTask SendAsync()
    {
        var full = _batch;
        _batch = new Handoff();
        try
        {
            await _channel!.Writer.WriteAsync(full, _writerFailed!.Token);
        }
        catch (OperationCanceledException) when (!_ct.IsCancellationRequested)
        {
            // Not the caller's cancellation: the writer failed (and cancelled its token on the way out).
            // Its own exception is what the import reports.
            await _writer!;
            throw;
        }
    }

    /// <summary>Hands over the last batch and waits until every member is written.</summary>
    public async Task EndStreamAsync()
    {
        if (_channel is null)
        {
            return;
        }
        if (_batch.Members.Count > 0 || _batch.Households.Count > 0)
        {
            await SendAsync();
        }
        _channel.Writer.TryComplete();
        await _writer!;
    }

    /// <summary>Indexes back, then the commit (the caller has added its audit entry).</summary>
    public async Task CommitAsync(RegistryImport.Progress progress, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await BulkWriter.RestoreIndexesAsync(_db, _restore, ct);
        progress.Time("rebuild indexes", watch.Elapsed);
        watch.Restart();
        if (_flusher is not null)
        {
            await _flusher.DisposeAsync();
            _flusher = null;
        }
        await _db.SaveChangesAsync(ct);
        await _tx!.CommitAsync(ct);
        progress.Time("commit", watch.Elapsed);
        await _tx.DisposeAsync();
        _tx = null;
        if (BulkLoad)
        {
            // Statistics, and SQLite's WAL folded into the file, on a connection of their own once the load is
            // committed (this connection's automatic checkpoint is off for the load, so the commit does not do
            // it inline).
            BulkLoadMaintenance.Start(_db.Database.GetDbConnection(), ["Households", "Members"],
                _db.GetService<ILoggerFactory>().CreateLogger<ImportWriteSession>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null && !_writer.IsCompleted)
        {
            // The stream ends without a commit (a bad row, an error, or the caller cancelled). The writer is not
            // cancelled here: it writes what the channel still holds (a few batches) and ends its statement as
            // usual, so the connection stays sound for the rollback. Cancelling a PostgreSQL COPY midway can
            // break the connection instead. The caller's own cancellation still reaches it (a linked token).
            _channel!.Writer.TryComplete();
            try
            {
                await _writer;
            }
            catch (Exception)
            {
                // Already failed or cancelled: what matters is that the writer no longer uses the connection.
            }
        }
        _writerFailed?.Dispose();
        if (_flusher is not null)
        {
            await _flusher.DisposeAsync();
            _flusher = null;
        }
        if (_tx is not null)
        {
            try
            {
                await _tx.RollbackAsync(CancellationToken.None);
            }
            catch (Exception) when (_db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            {
                // The connection broke (a statement cancelled midway): the database dropped the transaction with it.
            }
            await _tx.DisposeAsync();
        }
        if (_sqlite)
        {
            await _db.Database.ExecuteSqlRawAsync(DatabaseSetup.SqliteConnectionPragmas + " PRAGMA threads=0; PRAGMA wal_autocheckpoint=1000;", CancellationToken.None);
        }
        await _db.Database.CloseConnectionAsync();
    }

    /// <summary>
    /// Writes a bulk load's WAL to disk while the load is still running. The load's pages go to the WAL as the
    /// page cache spills them, but the operating system holds them until the commit's fsync, which then waits
    /// for a gigabyte at the disk's speed (2.4 s of a county's first load). Flushed every half second
    /// from this thread, the disk works while the processors parse and insert, and the commit finds little
    /// left to write. Only the file's already-written bytes are forced out: SQLite's own syncs and
    /// locks (held on the database and shared-memory files) are untouched.
    /// </summary>
    private sealed class WalFlusher : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        private WalFlusher(string wal) => _loop = Task.Run(() => LoopAsync(wal, _stop.Token));

        public static WalFlusher? Start(string? database) =>
            string.IsNullOrEmpty(database) || database == ":memory:" ? null : new WalFlusher(database + "-wal");

        private static async Task LoopAsync(string wal, CancellationToken stop)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            Microsoft.Win32.SafeHandles.SafeFileHandle? handle = null;
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    if (handle is null)
                    {
                        if (!File.Exists(wal))
                        {
                            continue;
                        }
                        handle = File.OpenHandle(wal, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                    }
                    RandomAccess.FlushToDisk(handle);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped before the commit.
            }
            catch (IOException)
            {
                // Only a head start for the commit's own sync: without it the commit still writes everything.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
            finally
            {
                handle?.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
