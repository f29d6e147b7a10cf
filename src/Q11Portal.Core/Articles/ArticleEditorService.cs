using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;

namespace Q11Portal.Core.Articles;

/// <summary>The newsroom's write side: create, save (with optimistic concurrency on <see cref="Article.Version"/>
/// and a revision per save), workflow transitions, revisions and restore. Every stored body goes through
/// <see cref="ArticleHtmlSanitizer"/>. Changes to what the public sees append a <see cref="ContentChange"/> in the
/// same transaction and then call every <see cref="IArticleChangeHandler"/>.</summary>
public sealed class ArticleEditorService(
    PortalDbContext db,
    ArticleHtmlSanitizer sanitizer,
    ArticleSlugs slugs,
    AuditLog audit,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<ArticleEditorService> logger)
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 100;
    public const int MaxBodyLength = 1_000_000;
    public const int MaxReasonLength = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ArticleEditData?> GetForEditAsync(int id, CancellationToken ct)
    {
        // Split: in one statement SQLite materialises the tag join of every article first (see ArticleSearchDocument).
        var a = await db.Articles.AsNoTracking().AsSplitQuery().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Summary, x.BodyHtml, x.CategoryId, x.LeadImageId, x.LeadImageCaption, x.Byline, x.Source,
                x.PublishedAtUtc, x.Slug, x.Status, x.Version, x.CreatedById, x.ReturnReason, x.CreatedAtUtc, x.UpdatedAtUtc,
                Tags = x.ArticleTags.OrderBy(t => t.Tag.Name).Select(t => t.Tag.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return null;
        }

        var author = a.CreatedById is null ? null : await db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var draft = new ArticleDraft(a.Title, a.Summary, a.BodyHtml, a.CategoryId, a.LeadImageId, a.LeadImageCaption, a.Tags, a.Byline, a.Source, a.PublishedAtUtc);
        return new ArticleEditData(a.Id, draft, a.Slug, a.Status, a.Version, a.CreatedById, author, a.ReturnReason, a.CreatedAtUtc, a.UpdatedAtUtc);
    }

    public async Task<EditorResult> CreateAsync(ArticleDraft draft, StaffActor actor, CancellationToken ct)
    {
        if (Users.Roles.Rank(actor.Role) == 0)
        {
            return EditorResult.Forbidden("Bạn không có quyền viết bài.");
        }

        if (await ValidateAsync(draft, ct) is { } problem)
        {
            return EditorResult.Invalid(problem);
        }

        var now = Now;
        var article = new Article
        {
            Status = ArticleStatus.Draft,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            CreatedById = actor.UserId,
            Version = Guid.NewGuid(),
        };
        await ApplyAsync(article, draft, isNew: true, ct);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        AddRevision(article, actor);
        audit.Add(actor.UserName, AuditActions.ArticleCreated, nameof(Article), article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Article {ArticleId} created by {UserName}", article.Id, actor.UserName);
        return new EditorResult(EditorOutcome.Ok, article.Id, article.Version);
    }

    /// <summary>Saves the form over the article when <paramref name="expectedVersion"/> is still current; otherwise
    /// answers <see cref="EditorOutcome.Conflict"/> and changes nothing, so the caller can show the form again with the
    /// person's text. A save that changes nothing creates no revision.</summary>
    public async Task<EditorResult> SaveAsync(int id, ArticleDraft draft, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.ArticleTags).ThenInclude(t => t.Tag).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return EditorResult.NotFound();
        }

        var decision = ArticleWorkflow.Decide(article.Status, ArticleAction.Edit, actor.Role, article.CreatedById == actor.UserId);
        if (!decision.IsAllowed)
        {
            return Refused(decision);
        }

        if (await ValidateAsync(draft, ct) is { } problem)
        {
            return EditorResult.Invalid(problem);
        }

        if (article.Version != expectedVersion)
        {
            return await ConflictAsync(article, ct);
        }

        if (article.Status == ArticleStatus.Scheduled && draft.PublishAtUtc is null)
        {
            return EditorResult.Invalid("Bài đang hẹn giờ cần có thời điểm xuất bản; muốn bỏ hẹn giờ thì bấm “Trả lại” hoặc “Gỡ bài”.");
        }

        var before = Snapshot(article);
        await ApplyAsync(article, draft, isNew: false, ct);
        if (Snapshot(article) == before && !db.ChangeTracker.Entries<ArticleSlugHistory>().Any(e => e.State == EntityState.Added))
        {
            return new EditorResult(EditorOutcome.Ok, article.Id, article.Version, "Không có thay đổi nào để lưu.");
        }

        BumpVersion(article, expectedVersion);
        AddRevision(article, actor);
        var notice = (ArticleChangeNotice?)null;
        if (article.Status == ArticleStatus.Published)
        {
            notice = AddContentChange(article, ContentChangeKind.Upserted, "edited");
            audit.Add(actor.UserName, AuditActions.ArticlePublishedEdited, nameof(Article), Id(article), article.Title);
        }

        if (!await TrySaveAsync(ct))
        {
            return await ConflictAfterRaceAsync(id, ct);
        }

        logger.LogInformation("Article {ArticleId} saved by {UserName}", article.Id, actor.UserName);
        await NotifyAsync(notice, ct);
        return new EditorResult(EditorOutcome.Ok, article.Id, article.Version);
    }

    /// <param name="reason">Required for <see cref="ArticleAction.Return"/>.</param>
    /// <param name="publishAtUtc">Required (future) for <see cref="ArticleAction.Schedule"/>; optional (past) for Publish.</param>
    public async Task<EditorResult> TransitionAsync(int id, ArticleAction action, Guid expectedVersion, StaffActor actor,
        string? reason, DateTime? publishAtUtc, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return EditorResult.NotFound();
        }

        var decision = ArticleWorkflow.Decide(article.Status, action, actor.Role, article.CreatedById == actor.UserId);
        if (!decision.IsAllowed)
        {
            return Refused(decision);
        }

        if (article.Version != expectedVersion)
        {
            return await ConflictAsync(article, ct);
        }

        var now = Now;
        reason = VietnameseText.Nfc(reason).Trim();
        var from = article.Status;
        var idText = Id(article);
        ArticleChangeNotice? notice = null;
        switch (action)
        {
            case ArticleAction.Submit:
                audit.Add(actor.UserName, AuditActions.ArticleSubmitted, nameof(Article), idText, article.Title);
                break;
            case ArticleAction.Withdraw:
                break;
            case ArticleAction.Return:
                if (reason.Length == 0)
                {
                    return EditorResult.Invalid("Hãy ghi lý do trả lại để phóng viên biết cần sửa gì.");
                }

                if (reason.Length > MaxReasonLength)
                {
                    return EditorResult.Invalid($"Lý do trả lại tối đa {MaxReasonLength} ký tự.");
                }

                article.ReturnReason = reason;
                audit.Add(actor.UserName, AuditActions.ArticleReturned, nameof(Article), idText, $"{article.Title}: {reason}");
                break;
            case ArticleAction.Publish:
                if (publishAtUtc is { } at && at > now.AddMinutes(1))
                {
                    return EditorResult.Invalid("Thời điểm xuất bản ở tương lai: hãy dùng “Hẹn giờ xuất bản”.");
                }

                article.PublishedAtUtc = publishAtUtc ?? now;
                article.ReturnReason = null;
                notice = AddContentChange(article, ContentChangeKind.Upserted, "published");
                audit.Add(actor.UserName, AuditActions.ArticlePublished, nameof(Article), idText, article.Title);
                break;
            case ArticleAction.Schedule:
                if (publishAtUtc is not { } when || when <= now)
                {
                    return EditorResult.Invalid("Hãy chọn thời điểm xuất bản ở tương lai để hẹn giờ.");
                }

                article.PublishedAtUtc = when;
                article.ReturnReason = null;
                if (from == ArticleStatus.Published)
                {
                    notice = AddContentChange(article, ContentChangeKind.Removed, "rescheduled");
                }

                audit.Add(actor.UserName, AuditActions.ArticleScheduled, nameof(Article), idText,
                    $"{article.Title}: {LocalTime.ToLocal(when):HH:mm dd/MM/yyyy}");
                break;
            case ArticleAction.Unpublish:
                notice = AddContentChange(article, ContentChangeKind.Removed, "unpublished");
                audit.Add(actor.UserName, AuditActions.ArticleUnpublished, nameof(Article), idText, reason.Length > 0 ? $"{article.Title}: {reason}" : article.Title);
                break;
            case ArticleAction.Delete:
                return await DeleteAsync(article, expectedVersion, actor, ct);
            case ArticleAction.Edit:
                return EditorResult.Invalid("Hãy dùng nút Lưu để sửa bài.");
        }

        article.Status = decision.NewStatus!.Value;
        article.UpdatedAtUtc = now;
        BumpVersion(article, expectedVersion);
        if (!await TrySaveAsync(ct))
        {
            return await ConflictAfterRaceAsync(id, ct);
        }

        logger.LogInformation("Article {ArticleId} {Action}: {From} -> {To} by {UserName}", article.Id, action, from, article.Status, actor.UserName);
        await NotifyAsync(notice, ct);
        return new EditorResult(EditorOutcome.Ok, article.Id, article.Version);
    }

    public async Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(int articleId, CancellationToken ct) =>
        await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new RevisionSummary(r.Id, r.CreatedAtUtc, r.UserName, r.Title, r.Status, r.BodyHtml.Length))
            .ToListAsync(ct);

    public async Task<RevisionDetails?> GetRevisionAsync(int articleId, int revisionId, CancellationToken ct)
    {
        var r = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == revisionId && x.ArticleId == articleId, ct);
        return r is null ? null : new RevisionDetails(r.Id, r.ArticleId, r.CreatedAtUtc, r.UserName, r.Title, r.Summary, r.BodyHtml, ReadMetadata(r.MetadataJson));
    }

    /// <summary>Makes an earlier revision the current content (a new save, hence a new revision; nothing is lost).</summary>
    public async Task<EditorResult> RestoreAsync(int articleId, int revisionId, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var revision = await GetRevisionAsync(articleId, revisionId, ct);
        if (revision is null)
        {
            return EditorResult.NotFound();
        }

        var current = await GetForEditAsync(articleId, ct);
        if (current is null)
        {
            return EditorResult.NotFound();
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
        var result = await SaveAsync(articleId, draft, expectedVersion, actor, ct);
        if (result.Succeeded)
        {
            await audit.WriteAsync(actor.UserName, AuditActions.ArticleRestored, nameof(Article), articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Phiên bản #{revisionId} ({LocalTime.ToLocal(revision.CreatedAtUtc):HH:mm dd/MM/yyyy})", ct);
        }

        return result;
    }

    public async Task<ArticleListResult> ListAsync(ArticleListFilter filter, CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            query = query.Where(a => a.CreatedById == filter.AuthorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            // Slugs are the folded title: a search without marks ("dai hoi") finds "Đại hội".
            var folded = Slug.From(filter.Query);
            var exact = VietnameseText.Nfc(filter.Query).Trim();
            query = query.Where(a => a.Title.Contains(exact) || (folded.Length > 0 && a.Slug.Contains(folded)));
        }

        var pageSize = Math.Clamp(filter.PageSize, 5, 100);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await query
            .OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.Status, CategoryName = a.Category.Name, a.CreatedById, a.UpdatedAtUtc, a.PublishedAtUtc, a.ViewCount,
            })
            .ToListAsync(ct);
        var authorIds = rows.Select(r => r.CreatedById).OfType<string>().Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = rows.Select(r => new ArticleListItem(r.Id, r.Title, r.Slug, r.Status, r.CategoryName,
            r.CreatedById is not null && authors.TryGetValue(r.CreatedById, out var name) ? name : null,
            r.UpdatedAtUtc, r.PublishedAtUtc, r.ViewCount)).ToList();
        return new ArticleListResult(items, page, pageSize, total);
    }

    /// <summary>Existing tag names for the "as you type" suggestions, matched without marks.</summary>
    public async Task<IReadOnlyList<string>> SuggestTagsAsync(string? text, int count, CancellationToken ct)
    {
        var folded = Slug.From(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var starts = await db.Tags.AsNoTracking().Where(t => t.Slug.StartsWith(folded)).OrderBy(t => t.Slug).Select(t => t.Name).Take(count).ToListAsync(ct);
        if (starts.Count >= count)
        {
            return starts;
        }

        var contains = await db.Tags.AsNoTracking().Where(t => t.Slug.Contains(folded) && !t.Slug.StartsWith(folded))
            .OrderBy(t => t.Slug).Select(t => t.Name).Take(count - starts.Count).ToListAsync(ct);
        return [.. starts, .. contains];
    }

    /// <summary>Splits "a, b; c" into distinct, trimmed, NFC tag names.</summary>
    public static IReadOnlyList<string> ParseTags(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => VietnameseText.Nfc(t).Trim())
            .Where(t => t.Length > 0)
            .DistinctBy(Slug.From)
            .ToList();

    private async Task<EditorResult> DeleteAsync(Article article, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var id = article.Id;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Comment replies point at each other with a restricting key; detach them before the cascade.
            await db.Comments.Where(c => c.ArticleId == id && c.ParentId != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, (int?)null), ct);
            await db.RelatedArticles.Where(r => r.RelatedArticleId == id || r.ArticleId == id).ExecuteDeleteAsync(ct);
            db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
            db.Articles.Remove(article);
            db.ContentChanges.Add(new ContentChange { ArticleId = id, Kind = ContentChangeKind.Removed, AtUtc = Now });
            audit.Add(actor.UserName, AuditActions.ArticleDeleted, nameof(Article), id.ToString(System.Globalization.CultureInfo.InvariantCulture), article.Title);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        logger.LogInformation("Article {ArticleId} deleted by {UserName}", id, actor.UserName);
        await NotifyAsync(new ArticleChangeNotice(id, ContentChangeKind.Removed, article.Status, "deleted"), ct);
        return new EditorResult(EditorOutcome.Ok, id);
    }

    private async Task<string?> ValidateAsync(ArticleDraft draft, CancellationToken ct)
    {
        var title = VietnameseText.Nfc(draft.Title).Trim();
        if (title.Length == 0)
        {
            return "Hãy nhập tiêu đề bài viết.";
        }

        if (title.Length > Article.TitleMaxLength)
        {
            return $"Tiêu đề tối đa {Article.TitleMaxLength} ký tự.";
        }

        if ((draft.Summary ?? string.Empty).Trim().Length > Article.SummaryMaxLength)
        {
            return $"Sapo tối đa {Article.SummaryMaxLength} ký tự.";
        }

        if ((draft.BodyHtml?.Length ?? 0) > MaxBodyLength)
        {
            return "Nội dung bài quá dài (tối đa khoảng 1 triệu ký tự).";
        }

        // Checked on what will be stored: the sanitizer may drop images (data: URIs, foreign schemes) first.
        if (ImageAltText.Check(sanitizer.Sanitize(draft.BodyHtml)) is { } missingAlt)
        {
            return missingAlt;
        }

        if (!await db.Categories.AnyAsync(c => c.Id == draft.CategoryId, ct))
        {
            return "Hãy chọn chuyên mục.";
        }

        if (draft.LeadImageId is { } imageId && !await db.MediaFiles.AnyAsync(m => m.Id == imageId, ct))
        {
            return $"Không có ảnh số {imageId} trong thư viện ảnh.";
        }

        if ((draft.LeadImageCaption ?? string.Empty).Trim().Length > 500)
        {
            return "Chú thích ảnh tối đa 500 ký tự.";
        }

        if ((draft.Byline ?? string.Empty).Trim().Length > 200 || (draft.Source ?? string.Empty).Trim().Length > 300)
        {
            return "Tác giả tối đa 200 ký tự, nguồn tối đa 300 ký tự.";
        }

        if (draft.Tags.Count > MaxTags)
        {
            return $"Tối đa {MaxTags} từ khóa.";
        }

        if (draft.Tags.Any(t => t.Length > MaxTagLength || Slug.From(t).Length == 0))
        {
            return $"Mỗi từ khóa cần có chữ hoặc số và dài tối đa {MaxTagLength} ký tự.";
        }

        return null;
    }

    private async Task ApplyAsync(Article article, ArticleDraft draft, bool isNew, CancellationToken ct)
    {
        article.Title = VietnameseText.Nfc(draft.Title).Trim();
        article.Summary = VietnameseText.Nfc(draft.Summary).Trim();
        article.BodyHtml = sanitizer.Sanitize(draft.BodyHtml);
        article.CategoryId = draft.CategoryId;
        article.LeadImageId = draft.LeadImageId;
        article.LeadImageCaption = NullIfEmpty(draft.LeadImageCaption);
        article.Byline = NullIfEmpty(draft.Byline);
        article.Source = NullIfEmpty(draft.Source);
        if (article.Status is not (ArticleStatus.Published or ArticleStatus.Unpublished))
        {
            // The planned time; Publish and Schedule confirm it. A published article keeps its real publish time.
            article.PublishedAtUtc = draft.PublishAtUtc;
        }

        // Until it has been public its URL follows the title; afterwards only an explicit slug moves it (and the old
        // one redirects).
        var everPublic = !isNew && article.Status is ArticleStatus.Published or ArticleStatus.Unpublished;
        if (isNew || !string.IsNullOrWhiteSpace(draft.Slug) || !everPublic)
        {
            await slugs.AssignAsync(article, draft.Slug, ct);
        }

        await SetTagsAsync(article, draft.Tags, ct);
    }

    private async Task SetTagsAsync(Article article, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => (Name: VietnameseText.Nfc(n).Trim(), Slug: Slug.From(n))).Where(t => t.Slug.Length > 0).DistinctBy(t => t.Slug).ToList();
        var wantedSlugs = wanted.Select(t => t.Slug).ToList();
        var existing = await db.Tags.Where(t => wantedSlugs.Contains(t.Slug)).ToListAsync(ct);
        var tags = wanted.Select(w => existing.FirstOrDefault(t => t.Slug == w.Slug) ?? db.Tags.Local.FirstOrDefault(t => t.Slug == w.Slug)
            ?? db.Tags.Add(new Tag { Name = w.Name, Slug = w.Slug }).Entity).ToList();

        article.ArticleTags.RemoveAll(at => !tags.Any(t => ReferenceEquals(t, at.Tag) || (t.Id != 0 && t.Id == at.TagId)));
        foreach (var tag in tags.Where(t => !article.ArticleTags.Any(at => ReferenceEquals(at.Tag, t) || (t.Id != 0 && at.TagId == t.Id))))
        {
            article.ArticleTags.Add(new ArticleTag { Article = article, Tag = tag });
        }
    }

    private void AddRevision(Article article, StaffActor actor)
    {
        var metadata = new RevisionMetadata(article.CategoryId, article.LeadImageId, article.LeadImageCaption, article.Byline, article.Source,
            article.ArticleTags.Select(t => t.Tag.Name).Order(StringComparer.Ordinal).ToList(), article.PublishedAtUtc);
        db.ArticleRevisions.Add(new ArticleRevision
        {
            Article = article,
            CreatedAtUtc = Now,
            UserName = actor.UserName,
            Title = article.Title,
            Summary = article.Summary,
            BodyHtml = article.BodyHtml,
            MetadataJson = JsonSerializer.Serialize(metadata, Json),
            Status = article.Status,
        });
    }

    private static RevisionMetadata? ReadMetadata(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RevisionMetadata>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ArticleChangeNotice AddContentChange(Article article, ContentChangeKind kind, string reason)
    {
        db.ContentChanges.Add(new ContentChange { ArticleId = article.Id, Kind = kind, AtUtc = Now });
        return new ArticleChangeNotice(article.Id, kind, article.Status, reason);
    }

    private void BumpVersion(Article article, Guid expectedVersion)
    {
        // The UPDATE's WHERE carries the version the form saw, so a save that raced past the check above fails too.
        db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
        article.Version = Guid.NewGuid();
        article.UpdatedAtUtc = Now;
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogWarning(ex, "Concurrent save of an article");
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<EditorResult> ConflictAfterRaceAsync(int id, CancellationToken ct)
    {
        var current = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return current is null ? EditorResult.NotFound() : await ConflictAsync(current, ct);
    }

    private async Task<EditorResult> ConflictAsync(Article current, CancellationToken ct)
    {
        var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == current.Id)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.UserName, r.CreatedAtUtc }).FirstOrDefaultAsync(ct);
        var conflict = new ConcurrentSave(last?.UserName, current.UpdatedAtUtc, current.Title, current.Version);
        var who = conflict.UserName ?? "một người khác";
        return new EditorResult(EditorOutcome.Conflict, current.Id, current.Version,
            $"Bài viết vừa được {who} lưu lúc {LocalTime.ToLocal(conflict.AtUtc):HH:mm:ss dd/MM/yyyy}, sau khi bạn mở trang này. " +
            "Nội dung bạn soạn vẫn còn nguyên trong khung dưới đây và CHƯA được lưu. Hãy xem bản hiện tại (mở ở thẻ mới), " +
            "đối chiếu, rồi bấm Lưu lần nữa nếu muốn ghi đè bằng nội dung của bạn.", conflict);
    }

    private async Task NotifyAsync(ArticleChangeNotice? notice, CancellationToken ct)
    {
        if (notice is null)
        {
            return;
        }

        foreach (var handler in services.GetServices<IArticleChangeHandler>())
        {
            try
            {
                await handler.OnArticleChangedAsync(notice, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Article change handler {Handler} failed for article {ArticleId}", handler.GetType().Name, notice.ArticleId);
            }
        }
    }

    private static EditorResult Refused(WorkflowDecision decision) =>
        decision.Outcome == WorkflowOutcome.Forbidden ? EditorResult.Forbidden(decision.Message!) : EditorResult.Invalid(decision.Message!);

    private static string Id(Article article) => article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? text) => VietnameseText.Nfc(text).Trim() is { Length: > 0 } t ? t : null;

    private static string Snapshot(Article a) => string.Join('\u001f', a.Title, a.Summary, a.BodyHtml, a.CategoryId, a.LeadImageId, a.LeadImageCaption,
        a.Byline, a.Source, a.PublishedAtUtc?.Ticks, a.Slug, string.Join(',', a.ArticleTags.Select(t => t.Tag?.Slug ?? t.TagId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order()));

    /// <summary>Static entry for the scheduler: the same notification path.</summary>
    internal Task NotifyChangeAsync(ArticleChangeNotice notice, CancellationToken ct) => NotifyAsync(notice, ct);
}
