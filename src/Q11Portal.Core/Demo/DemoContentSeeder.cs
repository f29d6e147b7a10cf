using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Demo;

/// <summary>Fills an empty database with the project's own demo content.</summary>
public sealed class DemoContentSeeder(PortalDbContext db, ArticleHtmlSanitizer sanitizer, TimeProvider clock)
{
    private static readonly (string Name, int Order)[] CategoryNames =
    [
        ("Hoạt động Đảng - Đoàn thể", 1),
        ("Chính quyền", 2),
        ("Y tế - Sức khỏe", 3),
        ("Văn hóa - Xã hội", 4),
        ("Quốc phòng - An ninh", 5),
        ("Đô thị", 6),
    ];

    /// <summary>Seeds categories and articles; returns the number of articles added (0 when articles already exist).</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(ct))
        {
            return 0;
        }

        var categories = new Dictionary<string, Category>();
        foreach (var (name, order) in CategoryNames)
        {
            var slug = Slug.From(name);
            var category = await db.Categories.SingleOrDefaultAsync(c => c.Slug == slug, ct)
                ?? db.Categories.Add(new Category { Name = name, Slug = slug, SortOrder = order }).Entity;
            categories[name] = category;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = "Quận 11 sơ kết học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            Summary = "Ban Thường vụ Quận ủy Quận 11 đánh giá kết quả thực hiện Chỉ thị 05-CT/TW trong năm qua.",
            BodyHtml = sanitizer.Sanitize("<p>Nội dung bài viết mẫu.</p>"),
            Category = categories["Hoạt động Đảng - Đoàn thể"],
            Status = ArticleStatus.Published,
            PublishedAtUtc = now.AddHours(-2),
            CreatedAtUtc = now.AddHours(-2),
            UpdatedAtUtc = now.AddHours(-2),
            Byline = "BTQ11",
        };
        article.Slug = Slug.From(article.Title);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        return 1;
    }
}
