using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Categories;

/// <summary>A category in the admin tree: depth for indentation, and what blocks its deletion.</summary>
public sealed record CategoryNode(int Id, string Name, string Slug, string? Description, int? ParentId, int Depth, int SortOrder, bool ShowOnHome, int ArticleCount, int ChildCount);

/// <summary>Editors' category management: create, rename (with slug), move under a parent without cycles, reorder
/// among siblings, delete only when empty. Every change is audited; every command answers with a <see cref="Result"/>.</summary>
public sealed class CategoryAdminService(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly Result Missing = Result.NotFound("Không tìm thấy chuyên mục này; có thể đã bị xóa.");

    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 1000;

    /// <summary>Every category depth-first in display order (parents before their children).</summary>
    public async Task<IReadOnlyList<CategoryNode>> ListTreeAsync(CancellationToken ct)
    {
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.Slug, c.Description, c.ParentId, c.SortOrder, c.ShowOnHome, Articles = db.Articles.Count(a => a.CategoryId == c.Id) })
            .ToListAsync(ct);
        var byParent = rows.ToLookup(r => r.ParentId);
        var result = new List<CategoryNode>(rows.Count);
        void Walk(int? parentId, int depth)
        {
            foreach (var r in byParent[parentId].OrderBy(r => r.SortOrder).ThenBy(r => r.Name, StringComparer.Ordinal))
            {
                result.Add(new CategoryNode(r.Id, r.Name, r.Slug, r.Description, r.ParentId, depth, r.SortOrder, r.ShowOnHome, r.Articles, byParent[r.Id].Count()));
                if (depth < 20)
                {
                    Walk(r.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);
        return result;
    }

    /// <summary>The tree without the category and its descendants: the places it (or its content) may move to.</summary>
    public static List<CategoryNode> ExcludingSubtree(IReadOnlyList<CategoryNode> tree, int id)
    {
        var result = new List<CategoryNode>(tree.Count);
        int? skipDeeperThan = null;
        foreach (var node in tree)
        {
            if (skipDeeperThan is { } depth && node.Depth > depth)
            {
                continue;
            }

            skipDeeperThan = node.Id == id ? node.Depth : null;
            if (skipDeeperThan is null)
            {
                result.Add(node);
            }
        }

        return result;
    }

    public async Task<CategoryNode?> FindAsync(int id, CancellationToken ct) =>
        (await ListTreeAsync(ct)).FirstOrDefault(n => n.Id == id);

    /// <summary>The slugs the category had before (newest first); they redirect to the current one.</summary>
    public Task<List<string>> OldSlugsAsync(int id, CancellationToken ct) =>
        db.CategorySlugHistory.AsNoTracking().Where(h => h.CategoryId == id)
            .OrderByDescending(h => h.RetiredAtUtc).ThenByDescending(h => h.Id).Select(h => h.Slug).ToListAsync(ct);

    /// <summary>Creates a category under <paramref name="parentId"/> (null = top level); the value is its id.</summary>
    public async Task<Result<int>> CreateAsync(string? name, string? slug, int? parentId, string? description, bool showOnHome, string? userName, CancellationToken ct)
    {
        var (cleanName, cleanSlug, cleanDescription, check) = await ValidateAsync(null, name, slug, description, ct);
        if (check.Succeeded && parentId is not null && !await db.Categories.AnyAsync(c => c.Id == parentId, ct))
        {
            check = Result.Invalid("Chuyên mục cha đã chọn không còn tồn tại.");
        }

        if (!check.Succeeded)
        {
            return Result<int>.From(check);
        }

        var order = await db.Categories.Where(c => c.ParentId == parentId).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
        db.CategorySlugHistory.RemoveRange(await db.CategorySlugHistory.Where(h => h.Slug == cleanSlug).ToListAsync(ct));
        var category = new Category { Name = cleanName, Slug = cleanSlug, Description = cleanDescription, ParentId = parentId, ShowOnHome = showOnHome, SortOrder = order + 1 };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        audit.Add(userName, AuditActions.CategoryCreated, nameof(Category), category.Id.ToString(), $"{cleanName} ({cleanSlug})");
        ContentChangeLog.Record(db, ContentKind.Category, category.Id, clock);
        await db.SaveChangesAsync(ct);
        return category.Id;
    }

    /// <summary>Renames (and re-slugs) a category and moves it under <paramref name="parentId"/> (null = top level).</summary>
    public async Task<Result> UpdateAsync(int id, string? name, string? slug, int? parentId, string? description, bool showOnHome, string? userName, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return Missing;
        }

        var (cleanName, cleanSlug, cleanDescription, check) = await ValidateAsync(id, name, slug, description, ct);
        if (!check.Succeeded)
        {
            return check;
        }

        if (parentId != category.ParentId)
        {
            var move = await CheckParentAsync(id, parentId, ct);
            if (!move.Succeeded)
            {
                return move;
            }

            category.SortOrder = (await db.Categories.Where(c => c.ParentId == parentId).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1;
        }

        var changes = new List<string>();
        if (category.Name != cleanName)
        {
            changes.Add($"tên “{category.Name}” → “{cleanName}”");
        }

        if (category.Slug != cleanSlug)
        {
            changes.Add($"đường dẫn {category.Slug} → {cleanSlug}");
        }

        var moved = category.ParentId != parentId;
        if (moved)
        {
            changes.Add($"chuyên mục cha {category.ParentId?.ToString() ?? "—"} → {parentId?.ToString() ?? "—"}");
        }

        if (category.Slug != cleanSlug)
        {
            await RetireSlugAsync(category, cleanSlug, ct);
        }

        if (category.Name != cleanName)
        {
            // The search index stores the category's name with each article.
            await ContentChangeLog.RecordArticlesAsync(db, db.Articles.Where(a => a.CategoryId == id).Select(a => a.Id), clock, ct);
        }

        category.Name = cleanName;
        category.Slug = cleanSlug;
        category.Description = cleanDescription;
        category.ParentId = parentId;
        category.ShowOnHome = showOnHome;
        audit.Add(userName, moved ? AuditActions.CategoryMoved : AuditActions.CategoryUpdated,
            nameof(Category), id.ToString(), changes.Count == 0 ? cleanName : string.Join("; ", changes));
        ContentChangeLog.Record(db, ContentKind.Category, id, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Moves a category one place up (-1) or down (+1) among its siblings.</summary>
    public async Task<Result> MoveAsync(int id, int direction, string? userName, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return Missing;
        }

        var siblings = await db.Categories.Where(c => c.ParentId == category.ParentId).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var index = siblings.IndexOf(category);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= siblings.Count)
        {
            return Result.Ok;
        }

        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].SortOrder = i + 1;
        }

        audit.Add(userName, AuditActions.CategoryReordered, nameof(Category), id.ToString(), $"{category.Name} → vị trí {target + 1}");
        ContentChangeLog.Record(db, ContentKind.Category, id, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Deletes a category. One that still has articles or sub-categories is refused unless
    /// <paramref name="moveContentTo"/> names another category: its articles and sub-categories then move there first,
    /// in the same transaction.</summary>
    public async Task<Result> DeleteAsync(int id, int? moveContentTo, string? userName, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return Missing;
        }

        var children = await db.Categories.Where(c => c.ParentId == id).OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        var articles = await db.Articles.CountAsync(a => a.CategoryId == id, ct);
        Category? target = null;
        if (moveContentTo is { } targetId && (children.Count > 0 || articles > 0))
        {
            if (targetId == id)
            {
                return Result.Invalid("Hãy chọn một chuyên mục khác để nhận bài viết và chuyên mục con.");
            }

            target = await db.Categories.SingleOrDefaultAsync(c => c.Id == targetId, ct);
            if (target is null)
            {
                return Result.Invalid("Chuyên mục nhận bài viết đã chọn không còn tồn tại.");
            }

            if (children.Count > 0 && !(await CheckParentAsync(id, targetId, ct)).Succeeded)
            {
                return Result.Invalid($"Không thể chuyển sang “{target.Name}” vì đó là chuyên mục con của “{category.Name}”; hãy chọn chuyên mục khác.");
            }
        }
        else if (children.Count > 0)
        {
            return Result.Invalid($"Chuyên mục “{category.Name}” còn {children.Count} chuyên mục con; hãy chọn nơi chuyển chúng đến, hoặc chuyển/xóa chúng trước.");
        }
        else if (articles > 0)
        {
            return Result.Invalid($"Chuyên mục “{category.Name}” còn {articles} bài viết; hãy chọn chuyên mục nhận các bài này trước khi xóa.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (target is not null)
            {
                await ContentChangeLog.RecordArticlesAsync(db, db.Articles.Where(a => a.CategoryId == id).Select(a => a.Id), clock, ct);
                await db.Articles.Where(a => a.CategoryId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.CategoryId, target.Id), ct);
                // The bulk update bypasses the change tracker; articles this context already holds must agree with it.
                foreach (var entry in db.ChangeTracker.Entries<Article>().Where(e => e.Entity.CategoryId == id))
                {
                    entry.Property(a => a.CategoryId).CurrentValue = target.Id;
                    entry.Property(a => a.CategoryId).OriginalValue = target.Id;
                }

                var order = await db.Categories.Where(c => c.ParentId == target.Id).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
                foreach (var child in children)
                {
                    child.ParentId = target.Id;
                    child.SortOrder = ++order;
                }
            }

            db.Categories.Remove(category);
            audit.Add(userName, AuditActions.CategoryDeleted, nameof(Category), id.ToString(),
                target is null
                    ? $"{category.Name} ({category.Slug})"
                    : $"{category.Name} ({category.Slug}); {articles} bài viết và {children.Count} chuyên mục con chuyển sang “{target.Name}”");
            ContentChangeLog.Record(db, ContentKind.Category, id, clock, ContentChangeKind.Removed);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return Result.Ok;
    }

    /// <summary>Keeps the old slug as a redirect; the new slug stops being anybody's old slug.</summary>
    private async Task RetireSlugAsync(Category category, string newSlug, CancellationToken ct)
    {
        var rows = await db.CategorySlugHistory.Where(h => h.Slug == newSlug || h.Slug == category.Slug).ToListAsync(ct);
        db.CategorySlugHistory.RemoveRange(rows.Where(h => h.Slug == newSlug));
        var now = clock.GetUtcNow().UtcDateTime;
        if (rows.FirstOrDefault(h => h.Slug == category.Slug) is { } existing)
        {
            existing.CategoryId = category.Id;
            existing.RetiredAtUtc = now;
        }
        else
        {
            db.CategorySlugHistory.Add(new CategorySlugHistory { CategoryId = category.Id, Slug = category.Slug, RetiredAtUtc = now });
        }
    }

    /// <summary>A category cannot go under itself or under one of its own descendants.</summary>
    private async Task<Result> CheckParentAsync(int id, int? parentId, CancellationToken ct)
    {
        if (parentId is null)
        {
            return Result.Ok;
        }

        if (parentId == id)
        {
            return Result.Invalid("Không thể đặt một chuyên mục làm chuyên mục con của chính nó.");
        }

        var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        if (!parents.ContainsKey(parentId.Value))
        {
            return Result.Invalid("Chuyên mục cha đã chọn không còn tồn tại.");
        }

        var seen = new HashSet<int>();
        for (int? current = parentId; current is not null && seen.Add(current.Value); current = parents.GetValueOrDefault(current.Value))
        {
            if (current == id)
            {
                return Result.Invalid("Không thể chuyển chuyên mục vào bên trong chuyên mục con của nó (sẽ tạo thành vòng lặp).");
            }
        }

        return Result.Ok;
    }

    /// <summary>The cleaned texts, and Ok or the first rule they break.</summary>
    private async Task<(string Name, string Slug, string? Description, Result Check)> ValidateAsync(int? id, string? name, string? slug, string? description, CancellationToken ct)
    {
        var cleanName = VietnameseText.Label(name);
        var cleanDescription = VietnameseText.NfcOrNull(description)?.Trim() is { Length: > 0 } d ? d : null;
        var cleanSlug = Slug.From(string.IsNullOrWhiteSpace(slug) ? cleanName : slug);
        string? error = null;
        if (!TextRules.HasVisible(cleanName))
        {
            error = cleanName.Length == 0 ? "Vui lòng nhập tên chuyên mục." : TextRules.Required("Tên chuyên mục", cleanName);
        }
        else if (cleanName.Length > NameMaxLength)
        {
            error = $"Tên chuyên mục dài tối đa {NameMaxLength} ký tự.";
        }
        else if (cleanDescription?.Length > DescriptionMaxLength)
        {
            error = $"Phần mô tả dài tối đa {DescriptionMaxLength} ký tự.";
        }
        else if (cleanSlug.Length == 0)
        {
            error = "Đường dẫn (slug) phải có ít nhất một chữ cái hoặc chữ số.";
        }
        else if (await db.Categories.AnyAsync(c => c.Slug == cleanSlug && c.Id != id, ct))
        {
            error = $"Đường dẫn “{cleanSlug}” đã được chuyên mục khác dùng; hãy chọn đường dẫn khác.";
        }

        return (cleanName, cleanSlug, cleanDescription, error is null ? Result.Ok : Result.Invalid(error));
    }
}
