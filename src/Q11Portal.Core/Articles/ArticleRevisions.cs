using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>An article's revision history: the list, one revision with its <see cref="RevisionSnapshot"/>, and
/// restoring one (a new save, hence a new revision; nothing is lost).</summary>
public sealed class ArticleRevisions(PortalDbContext db, ArticleEditQuery articles, ArticleWriter writer, AuditLog audit)
{
    public async Task<IReadOnlyList<RevisionSummary>> ListAsync(int articleId, CancellationToken ct) =>
        await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new RevisionSummary(r.Id, r.CreatedAtUtc, r.UserName, r.Title, r.Status, r.BodyHtml.Length))
            .ToListAsync(ct);

    public async Task<RevisionDetails?> GetAsync(int articleId, int revisionId, CancellationToken ct)
    {
        var r = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == revisionId && x.ArticleId == articleId, ct);
        return r is null ? null : new RevisionDetails(r.Id, r.ArticleId, r.CreatedAtUtc, r.UserName, r.Title, r.Summary, r.BodyHtml, RevisionSnapshot.Read(r.MetadataJson));
    }

    /// <summary>Makes an earlier revision the current content through <see cref="ArticleWriter.SaveAsync"/> (same rules,
    /// same conflict check on <paramref name="expectedVersion"/>). A category or lead image deleted since is not brought back.</summary>
    public async Task<Result<ArticleSaved>> RestoreAsync(int articleId, int revisionId, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var revision = await GetAsync(articleId, revisionId, ct);
        var current = revision is null ? null : await articles.GetAsync(articleId, ct);
        if (revision is null || current is null)
        {
            return ArticleCommits.NotFound();
        }

        var m = revision.Metadata;
        var categoryExists = m is not null && await db.Categories.AnyAsync(c => c.Id == m.CategoryId, ct);
        var imageExists = m?.LeadImageId is { } imageId && await db.MediaFiles.AnyAsync(f => f.Id == imageId, ct);
        var draft = current.Draft with
        {
            Title = revision.Title,
            Summary = revision.Summary,
            BodyHtml = revision.BodyHtml,
            CategoryId = categoryExists ? m!.CategoryId : current.Draft.CategoryId,
            LeadImageId = m is null ? current.Draft.LeadImageId : imageExists ? m.LeadImageId : null,
            LeadImageCaption = m is null ? current.Draft.LeadImageCaption : m.LeadImageCaption,
            Byline = m is null ? current.Draft.Byline : m.Byline,
            Source = m is null ? current.Draft.Source : m.Source,
            Tags = m?.Tags ?? current.Draft.Tags,
        };
        var result = await writer.SaveAsync(articleId, draft, expectedVersion, actor, ct);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.ArticleRestored, nameof(Article), articleId.ToString(CultureInfo.InvariantCulture),
                $"Phiên bản #{revisionId} ({LocalTime.ToLocal(revision.CreatedAtUtc):HH:mm dd/MM/yyyy})", ct);
        }

        return result;
    }
}
