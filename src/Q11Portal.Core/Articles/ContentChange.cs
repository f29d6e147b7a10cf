namespace Q11Portal.Core.Articles;

/// <summary>One row of the append-only log of public content changes, shared by every web node through the database:
/// each node polls it to drop its cached public pages, and the search index takes in the <see cref="ContentKind.Article"/>
/// rows. Written with <see cref="ContentChangeLog.Record"/> in the same <c>SaveChangesAsync</c> as the change itself.</summary>
public class ContentChange
{
    public long Id { get; set; }

    /// <summary>What changed; rows from before the log covered other kinds are <see cref="ContentKind.Article"/>.</summary>
    public ContentKind ContentKind { get; set; }

    /// <summary>The id of the changed entity of that kind (the article's id for articles).</summary>
    public int EntityId { get; set; }

    public ContentChangeKind Kind { get; set; }

    public DateTime AtUtc { get; set; }
}

public enum ContentChangeKind
{
    Upserted = 0,
    Removed = 1,
}

/// <summary>The kinds of public content whose changes are logged. Values are stored: never renumber.</summary>
public enum ContentKind
{
    Article = 0,
    Comment = 1,
    SidebarBlock = 2,
    /// <summary>Categories: the main menu and category pages.</summary>
    Category = 3,
    Tag = 4,
    Topic = 5,
    /// <summary>Văn bản (documents library).</summary>
    Document = 6,
    /// <summary>Lịch công tác (weekly schedule).</summary>
    Schedule = 7,
    /// <summary>Site pages (Giới thiệu, Liên hệ…) and their menu and footer entries.</summary>
    SitePage = 8,
}
