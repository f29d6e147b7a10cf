using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;

namespace Q11Portal.Web.Tests.Reach;

/// <summary>A small site for feed and sitemap tests: a parent category with a child, another category, public
/// articles, a draft and one scheduled for tomorrow (neither may leak).</summary>
internal sealed class ReachTestData
{
    public required Category Parent { get; init; }
    public required Category Child { get; init; }
    public required Category Other { get; init; }
    public required IReadOnlyList<Article> Public { get; init; }
    public required Article Draft { get; init; }
    public required Article Scheduled { get; init; }

    public static async Task<ReachTestData> SeedAsync(PortalDbContext db, int extraPublic = 0)
    {
        var now = DateTime.UtcNow;
        var parent = new Category { Name = "Hoạt động Đảng", Slug = "hoat-dong-dang", SortOrder = 1 };
        var child = new Category { Name = "Xây dựng Đảng", Slug = "xay-dung-dang", Parent = parent, SortOrder = 2 };
        var other = new Category { Name = "Đô thị", Slug = "do-thi", SortOrder = 3, Description = "Tin đô thị Quận 11." };
        db.Categories.AddRange(parent, child, other);

        Article Make(string title, string slug, Category category, ArticleStatus status, DateTime? published, DateTime? updated = null) => new()
        {
            Title = title,
            Slug = slug,
            Summary = "Sapo: " + title + " — chi tiết <b>&</b> \"trích dẫn\".",
            BodyHtml = "<p>Nội dung.</p>",
            Category = category,
            Status = status,
            PublishedAtUtc = published,
            CreatedAtUtc = (published ?? now).AddHours(-1),
            UpdatedAtUtc = updated ?? (published ?? now),
            Byline = "Minh Anh",
        };

        var list = new List<Article>
        {
            Make("Hội nghị sơ kết Chỉ thị 05-CT/TW", "hoi-nghi-so-ket", parent, ArticleStatus.Published, now.AddHours(-5), now.AddHours(-1)),
            Make("Chi bộ khu phố 3 sinh hoạt chuyên đề", "chi-bo-khu-pho-3", child, ArticleStatus.Published, now.AddDays(-1)),
            Make("Chỉnh trang vỉa hè đường Lạc Long Quân", "chinh-trang-via-he", other, ArticleStatus.Published, now.AddDays(-2)),
        };
        for (var i = 0; i < extraPublic; i++)
        {
            list.Add(Make($"Tin thêm số {i + 1}", $"tin-them-{i + 1}", other, ArticleStatus.Published, now.AddDays(-3 - i)));
        }

        var draft = Make("Bản nháp chưa duyệt", "ban-nhap", parent, ArticleStatus.Draft, null);
        var scheduled = Make("Tin hẹn giờ ngày mai", "tin-hen-gio", parent, ArticleStatus.Published, now.AddDays(1));
        db.Articles.AddRange(list);
        db.Articles.AddRange(draft, scheduled);
        await db.SaveChangesAsync();
        return new ReachTestData { Parent = parent, Child = child, Other = other, Public = list, Draft = draft, Scheduled = scheduled };
    }
}
