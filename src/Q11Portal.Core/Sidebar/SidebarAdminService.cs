using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Sidebar;

public sealed record SidebarItemInput(string? Title, string? Url, string? ImageUrl, string? VideoUrl, string? Caption);

public sealed record SidebarBlockInput(SidebarBlockKind Kind, string? Title, bool IsActive, DateTime? ActiveFromLocal, DateTime? ActiveUntilLocal);

/// <summary>Editors' sidebar management: blocks (link lists, banners with active dates, video clips, photo reportages)
/// and their items, each addable, editable, reorderable and removable. Links accept only http(s) and site-relative
/// addresses. Every command answers with a <see cref="Result"/>; every change is audited and logged for the other
/// nodes' page caches (<see cref="ContentChangeLog"/>).</summary>
public sealed class SidebarAdminService(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public static string KindName(SidebarBlockKind kind) => kind switch
    {
        SidebarBlockKind.LinkList => "Danh sách liên kết",
        SidebarBlockKind.Banner => "Banner",
        SidebarBlockKind.VideoClip => "Video clip",
        SidebarBlockKind.PhotoReportage => "Phóng sự ảnh",
        _ => kind.ToString(),
    };

    public Task<List<SidebarBlock>> ListAsync(CancellationToken ct) =>
        db.SidebarBlocks.AsNoTracking().Include(b => b.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id))
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(ct);

    public Task<SidebarItem?> FindItemAsync(int itemId, CancellationToken ct) =>
        db.SidebarItems.AsNoTracking().Include(i => i.Block).SingleOrDefaultAsync(i => i.Id == itemId, ct);

    public Task<SidebarBlock?> FindAsync(int id, CancellationToken ct) =>
        db.SidebarBlocks.AsNoTracking().Include(b => b.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)).SingleOrDefaultAsync(b => b.Id == id, ct);

    /// <summary>Adds a block at the end of the sidebar; the value is its id.</summary>
    public async Task<Result<int>> CreateBlockAsync(SidebarBlockInput input, string? userName, CancellationToken ct)
    {
        var block = new SidebarBlock();
        var applied = Apply(block, input);
        if (!applied.Succeeded)
        {
            return Result<int>.From(applied);
        }

        block.SortOrder = (await db.SidebarBlocks.MaxAsync(b => (int?)b.SortOrder, ct) ?? 0) + 1;
        db.SidebarBlocks.Add(block);
        await db.SaveChangesAsync(ct);
        audit.Add(userName, AuditActions.SidebarBlockCreated, nameof(SidebarBlock), block.Id.ToString(), $"{KindName(block.Kind)}: {block.Title}");
        ContentChangeLog.Record(db, ContentKind.SidebarBlock, block.Id, clock);
        await db.SaveChangesAsync(ct);
        return block.Id;
    }

    public async Task<Result> UpdateBlockAsync(int id, SidebarBlockInput input, string? userName, CancellationToken ct)
    {
        var block = await db.SidebarBlocks.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (block is null)
        {
            return BlockNotFound;
        }

        var applied = Apply(block, input);
        if (!applied.Succeeded)
        {
            return applied;
        }

        audit.Add(userName, AuditActions.SidebarBlockUpdated, nameof(SidebarBlock), id.ToString(), $"{KindName(block.Kind)}: {block.Title}{(block.IsActive ? "" : " (ẩn)")}");
        ContentChangeLog.Record(db, ContentKind.SidebarBlock, id, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> DeleteBlockAsync(int id, string? userName, CancellationToken ct)
    {
        var block = await db.SidebarBlocks.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (block is null)
        {
            return BlockNotFound;
        }

        db.SidebarBlocks.Remove(block);
        audit.Add(userName, AuditActions.SidebarBlockDeleted, nameof(SidebarBlock), id.ToString(), block.Title);
        ContentChangeLog.Record(db, ContentKind.SidebarBlock, id, clock, ContentChangeKind.Removed);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Moves a block one place up (-1) or down (+1); the first or last block stays where it is.</summary>
    public async Task<Result> MoveBlockAsync(int id, int direction, string? userName, CancellationToken ct)
    {
        var blocks = await db.SidebarBlocks.OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(ct);
        var index = blocks.FindIndex(b => b.Id == id);
        if (index < 0)
        {
            return BlockNotFound;
        }

        if (Swap(blocks, index, direction, (b, order) => b.SortOrder = order))
        {
            audit.Add(userName, AuditActions.SidebarBlockReordered, nameof(SidebarBlock), id.ToString(), $"{blocks[index + Math.Sign(direction)].Title} → vị trí {index + Math.Sign(direction) + 1}");
            ContentChangeLog.Record(db, ContentKind.SidebarBlock, id, clock);
            await db.SaveChangesAsync(ct);
        }

        return Result.Ok;
    }

    public async Task<Result> AddItemAsync(int blockId, SidebarItemInput input, string? userName, CancellationToken ct)
    {
        var block = await db.SidebarBlocks.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == blockId, ct);
        if (block is null)
        {
            return BlockNotFound;
        }

        var item = new SidebarItem();
        var applied = Apply(item, input, block.Kind);
        if (!applied.Succeeded)
        {
            return applied;
        }

        item.SortOrder = block.Items.Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1;
        block.Items.Add(item);
        audit.Add(userName, AuditActions.SidebarItemAdded, nameof(SidebarBlock), blockId.ToString(), item.Title);
        ContentChangeLog.Record(db, ContentKind.SidebarBlock, blockId, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> UpdateItemAsync(int itemId, SidebarItemInput input, string? userName, CancellationToken ct)
    {
        var item = await db.SidebarItems.Include(i => i.Block).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return ItemNotFound;
        }

        var applied = Apply(item, input, item.Block.Kind);
        if (!applied.Succeeded)
        {
            return applied;
        }

        audit.Add(userName, AuditActions.SidebarItemUpdated, nameof(SidebarBlock), item.SidebarBlockId.ToString(), item.Title);
        ContentChangeLog.Record(db, ContentKind.SidebarBlock, item.SidebarBlockId, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public async Task<Result> DeleteItemAsync(int itemId, string? userName, CancellationToken ct)
    {
        var item = await db.SidebarItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return ItemNotFound;
        }

        db.SidebarItems.Remove(item);
        audit.Add(userName, AuditActions.SidebarItemDeleted, nameof(SidebarBlock), item.SidebarBlockId.ToString(), item.Title);
        ContentChangeLog.Record(db, ContentKind.SidebarBlock, item.SidebarBlockId, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Moves an item one place up (-1) or down (+1) in its block; the value is the block's id.</summary>
    public async Task<Result<int>> MoveItemAsync(int itemId, int direction, string? userName, CancellationToken ct)
    {
        var item = await db.SidebarItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return Result<int>.From(ItemNotFound);
        }

        var items = await db.SidebarItems.Where(i => i.SidebarBlockId == item.SidebarBlockId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        if (Swap(items, items.FindIndex(i => i.Id == itemId), direction, (i, order) => i.SortOrder = order))
        {
            audit.Add(userName, AuditActions.SidebarItemReordered, nameof(SidebarBlock), item.SidebarBlockId.ToString(), item.Title);
            ContentChangeLog.Record(db, ContentKind.SidebarBlock, item.SidebarBlockId, clock);
            await db.SaveChangesAsync(ct);
        }

        return item.SidebarBlockId;
    }

    /// <summary>An address an editor may link to: http(s) on any host, or a path on this site ("/chuyen-de/…").
    /// Everything else (javascript:, data:, protocol-relative //host) is refused.</summary>
    public static bool IsSafeUrl(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0);

    private static bool Swap<T>(List<T> list, int index, int direction, Action<T, int> setOrder)
    {
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= list.Count)
        {
            return false;
        }

        (list[index], list[target]) = (list[target], list[index]);
        for (var i = 0; i < list.Count; i++)
        {
            setOrder(list[i], i + 1);
        }

        return true;
    }

    private static Result Apply(SidebarBlock block, SidebarBlockInput input)
    {
        var title = VietnameseText.Label(input.Title);
        if (title.Length == 0)
        {
            return Result.Invalid("Vui lòng nhập tiêu đề khối.");
        }

        if (TextRules.Required("Tiêu đề khối", title) is { } invisible)
        {
            return Result.Invalid(invisible);
        }

        if (title.Length > 200)
        {
            return Result.Invalid("Tiêu đề khối dài tối đa 200 ký tự.");
        }

        if (!Enum.IsDefined(input.Kind))
        {
            return Result.Invalid("Loại khối không hợp lệ.");
        }

        if (input.ActiveFromLocal is { } from && input.ActiveUntilLocal is { } until && until <= from)
        {
            return Result.Invalid("Ngày kết thúc hiển thị phải sau ngày bắt đầu.");
        }

        block.Kind = input.Kind;
        block.Title = title;
        block.IsActive = input.IsActive;
        block.ActiveFromUtc = input.ActiveFromLocal is { } f ? LocalTime.ToUtc(f) : null;
        block.ActiveUntilUtc = input.ActiveUntilLocal is { } u ? LocalTime.ToUtc(u) : null;
        return Result.Ok;
    }

    private static Result Apply(SidebarItem item, SidebarItemInput input, SidebarBlockKind kind)
    {
        var title = VietnameseText.Label(input.Title);
        var url = Clean(input.Url);
        var image = Clean(input.ImageUrl);
        var video = Clean(input.VideoUrl);
        var caption = VietnameseText.NfcOrNull(input.Caption)?.Trim() is { Length: > 0 } c ? c : null;
        if (title.Length == 0)
        {
            return Result.Invalid("Vui lòng nhập tiêu đề mục.");
        }

        if (TextRules.Required("Tiêu đề mục", title) is { } invisible)
        {
            return Result.Invalid(invisible);
        }

        if (title.Length > 300 || caption?.Length > 500)
        {
            return Result.Invalid("Tiêu đề mục dài tối đa 300 ký tự, chú thích tối đa 500 ký tự.");
        }

        foreach (var (value, label) in new[] { (url, "Liên kết"), (image, "Địa chỉ ảnh"), (video, "Địa chỉ video") })
        {
            if (value is not null && (value.Length > 1000 || !IsSafeUrl(value)))
            {
                return Result.Invalid($"{label} “{value}” không hợp lệ: chỉ nhận địa chỉ bắt đầu bằng https://, http:// hoặc / (trang trong cổng).");
            }
        }

        if (video is not null)
        {
            if (VideoLinks.Parse(video) is not { } link)
            {
                return Result.Invalid($"Địa chỉ video “{video}” không dùng được: hãy dán địa chỉ một video YouTube (youtube.com/watch?v=…, youtu.be/…), Vimeo, hoặc tệp .mp4/.webm.");
            }

            video = link.Url;
            image ??= link.ThumbnailUrl;
        }

        var missing = kind switch
        {
            SidebarBlockKind.LinkList when url is null => "Mục liên kết cần có địa chỉ liên kết.",
            SidebarBlockKind.Banner when image is null => "Banner cần có địa chỉ ảnh.",
            SidebarBlockKind.VideoClip when video is null => "Video clip cần có địa chỉ video.",
            SidebarBlockKind.PhotoReportage when image is null => "Ảnh của phóng sự ảnh cần có địa chỉ ảnh.",
            _ => null,
        };
        if (missing is not null)
        {
            return Result.Invalid(missing);
        }

        item.Title = title;
        item.Url = url;
        item.ImageUrl = image;
        item.VideoUrl = video;
        item.Caption = caption;
        return Result.Ok;
    }

    private static string? Clean(string? text) => text?.Trim() is { Length: > 0 } t ? t : null;

    private static readonly Result BlockNotFound = Result.NotFound("Không tìm thấy khối này; có thể đã bị xóa.");
    private static readonly Result ItemNotFound = Result.NotFound("Không tìm thấy mục này; có thể đã bị xóa.");
}
