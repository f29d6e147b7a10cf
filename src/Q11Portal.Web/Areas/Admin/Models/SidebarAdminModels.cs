using Q11Portal.Core.Common;
using Q11Portal.Core.Media;
using Q11Portal.Core.Sidebar;

namespace Q11Portal.Web.Areas.Admin.Models;

/// <summary>The block settings form. Dates are local (Asia/Ho_Chi_Minh) as the datetime-local inputs send them.</summary>
public sealed class SidebarBlockForm
{
    public SidebarBlockKind Kind { get; set; }
    public string? Title { get; set; }
    /// <summary>False when the checkbox is not sent (unchecked).</summary>
    public bool IsActive { get; set; }
    public DateTime? ActiveFrom { get; set; }
    public DateTime? ActiveUntil { get; set; }

    public SidebarBlockInput ToInput() => new(Kind, Title, IsActive, ActiveFrom, ActiveUntil);

    public static SidebarBlockForm From(SidebarBlock block) => new()
    {
        Kind = block.Kind,
        Title = block.Title,
        IsActive = block.IsActive,
        ActiveFrom = block.ActiveFromUtc is { } from ? LocalTime.ToLocal(from) : null,
        ActiveUntil = block.ActiveUntilUtc is { } until ? LocalTime.ToLocal(until) : null,
    };
}

/// <summary>An item of a block; <see cref="MediaId"/> picks the image from the media library instead of an address.</summary>
public sealed class SidebarItemForm
{
    public string? Title { get; set; }
    public string? Url { get; set; }
    public string? ImageUrl { get; set; }
    public string? VideoUrl { get; set; }
    public string? Caption { get; set; }
    public int? MediaId { get; set; }

    public static SidebarItemForm From(SidebarItem item) => new()
    {
        Title = item.Title,
        Url = item.Url,
        ImageUrl = item.ImageUrl,
        VideoUrl = item.VideoUrl,
        Caption = item.Caption,
    };
}

public sealed record SidebarListViewModel(IReadOnlyList<SidebarBlock> Blocks, DateTime NowUtc, SidebarBlockForm NewBlock);

/// <param name="EditingItemId">The item whose form is open (null: the "add" form).</param>
public sealed record SidebarBlockViewModel(SidebarBlock Block, SidebarBlockForm Settings, SidebarItemForm Item, int? EditingItemId, MediaPage Library, string? MediaQuery, DateTime NowUtc);

public static class SidebarDisplay
{
    /// <summary>Whether readers see the block now, in words.</summary>
    public static (string Text, string Css) State(SidebarBlock block, DateTime nowUtc) =>
        !block.IsActive ? ("Đang tắt", "state-off")
        : block.ActiveFromUtc > nowUtc ? ("Chưa đến ngày hiện", "state-warn")
        : block.ActiveUntilUtc <= nowUtc ? ("Đã hết hạn", "state-off")
        : block.Items.Count == 0 ? ("Chưa có mục nào", "state-warn")
        : ("Đang hiện", "state-on");

    public static string Dates(SidebarBlock block)
    {
        static string F(DateTime utc) => LocalTime.ToLocal(utc).ToString("HH:mm dd/MM/yyyy");
        return (block.ActiveFromUtc, block.ActiveUntilUtc) switch
        {
            (null, null) => "Luôn hiện",
            ({ } from, null) => "Từ " + F(from),
            (null, { } until) => "Đến " + F(until),
            ({ } from, { } until) => $"{F(from)} – {F(until)}",
        };
    }
}
