using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Tests.Comments;

internal static class CommentTestData
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static async Task<Article> AddArticleAsync(PortalDbContext db, string slug = "bai-viet", ArticleStatus status = ArticleStatus.Published)
    {
        var category = new Category { Name = "Tin tức " + slug, Slug = "tin-tuc-" + slug };
        var article = new Article
        {
            Title = "Bài viết " + slug,
            Slug = slug,
            Summary = "Sapo",
            BodyHtml = "<p>Nội dung</p>",
            Category = category,
            Status = status,
            PublishedAtUtc = Start.UtcDateTime.AddDays(-1),
            CreatedAtUtc = Start.UtcDateTime.AddDays(-1),
            UpdatedAtUtc = Start.UtcDateTime.AddDays(-1),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    }

    public static IOptions<CommentOptions> Options(Action<CommentOptions>? configure = null)
    {
        var options = new CommentOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static CommentSecrets Secrets() => new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static CommentService Service(PortalDbContext db, TimeProvider clock, IOptions<CommentOptions>? options = null) =>
        new(db, options ?? Options(), new ClientAddressHasher(Secrets(), clock), clock, NullLogger<CommentService>.Instance);

    public static CommentModeration Moderation(PortalDbContext db, TimeProvider clock, IOptions<CommentOptions>? options = null) =>
        new(db, new AuditLog(db, clock, NullLogger<AuditLog>.Instance), options ?? Options(), clock);

    public static FakeTimeProvider Clock() => new(Start);

    public static IDataProtectionProvider DataProtection() => new EphemeralDataProtectionProvider();
}
