using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>Writes the <see cref="ContentChange"/> log. Every write path of public content calls it before its own
/// <c>SaveChangesAsync</c>, so the change and its row commit together and no node can miss one:
/// <code>ContentChangeLog.Record(db, ContentKind.Document, document.Id, clock);
/// await db.SaveChangesAsync(ct);</code></summary>
public static class ContentChangeLog
{
    /// <summary>Queues one change row; stored by the caller's next <c>SaveChangesAsync</c>. For an entity being added,
    /// call it after that save has given the entity its id (and save again), or pass 0 when the id does not matter.</summary>
    public static ContentChange Record(PortalDbContext db, ContentKind content, int entityId, TimeProvider clock,
        ContentChangeKind kind = ContentChangeKind.Upserted)
    {
        var change = new ContentChange { ContentKind = content, EntityId = entityId, Kind = kind, AtUtc = clock.GetUtcNow().UtcDateTime };
        db.ContentChanges.Add(change);
        return change;
    }

    /// <summary>Queues an "upserted" change for each article, so every node re-indexes them (after a category rename,
    /// a tag merge…). Stored by the caller's next <c>SaveChangesAsync</c>.</summary>
    public static async Task RecordArticlesAsync(PortalDbContext db, IQueryable<int> articleIds, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await articleIds.ToListAsync(ct);
        db.ContentChanges.AddRange(ids.Select(id => new ContentChange { ContentKind = ContentKind.Article, EntityId = id, Kind = ContentChangeKind.Upserted, AtUtc = now }));
    }

    /// <summary>The newest row's id (0 for an empty log): one index seek, cheap enough to poll every second.</summary>
    public static async Task<long> LatestIdAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
}
