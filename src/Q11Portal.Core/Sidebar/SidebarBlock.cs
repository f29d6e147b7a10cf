namespace Q11Portal.Core.Sidebar;

/// <summary>A block of the reading site's sidebar: "Liên kết website", a banner, a video clip, a photo reportage.</summary>
public class SidebarBlock
{
    public int Id { get; set; }
    public SidebarBlockKind Kind { get; set; }
    public string Title { get; set; } = string.Empty;
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? ActiveFromUtc { get; set; }
    public DateTime? ActiveUntilUtc { get; set; }
    public List<SidebarItem> Items { get; set; } = [];
}

public enum SidebarBlockKind
{
    LinkList = 0,
    Banner = 1,
    VideoClip = 2,
    PhotoReportage = 3,
}

public class SidebarItem
{
    public int Id { get; set; }
    public int SidebarBlockId { get; set; }
    public SidebarBlock Block { get; set; } = null!;
    public string Title { get; set; } = string.Empty;
    public string? Url { get; set; }
    public string? ImageUrl { get; set; }
    /// <summary>For video clips: a video file URL or an embeddable player URL.</summary>
    public string? VideoUrl { get; set; }
    public string? Caption { get; set; }
    public int SortOrder { get; set; }
}
