using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Data;

/// <summary>
/// Create-or-update of a versioned row with the version a client read: 0 means "this is new", anything
/// else must still be the stored version. Someone else's save in between answers Conflict, never an overwrite.
/// </summary>
public static class VersionedSave
{
    /// <summary>The row to change: the existing one (expecting the version read), or a new one added; null when the version is stale.</summary>
    public static T? Prepare<T>(AppDbContext db, T? existing, int version, Func<T> create) where T : class, IVersioned
    {
        if (existing is null)
        {
            if (version != 0)
            {
                return null;
            }
            var row = create();
            db.Add(row);
            return row;
        }
        db.Entry(existing).Property(x => x.Version).OriginalValue = version;
        return existing;
    }

    public static async Task<Outcome<TResult>> SaveAsync<TResult>(AppDbContext db, Func<TResult> result, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new Outcome<TResult>.Done(result());
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            // A stale version, or two users creating the same row at once.
            return new Outcome<TResult>.Conflict(Outcome.ConflictMessage);
        }
    }
}
