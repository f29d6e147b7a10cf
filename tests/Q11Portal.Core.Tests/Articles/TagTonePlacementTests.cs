using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>A tag typed with the other tone placement ("Hoà bình" for the existing "hòa bình") is the existing tag,
/// and a new tag keeps the spelling its writer typed.</summary>
public sealed class TagTonePlacementTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApplyAsync_TagInOtherTonePlacement_LinksTheExistingTag_AndNewTagKeepsItsSpelling(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
        var existing = new Tag { Name = "hòa bình", Slug = "hoa-binh" };
        db.AddRange(category, existing);
        await db.SaveChangesAsync(Ct);
        var applier = new ArticleDraftApplier(db, new ArticleHtmlSanitizer(), new ArticleSlugs(db, new FakeTimeProvider(new DateTimeOffset(Now))));
        var article = new Article { Status = ArticleStatus.Draft, CreatedAtUtc = Now, UpdatedAtUtc = Now };

        var tags = ArticleDraft.ParseTags("Hoà bình, sức khoẻ; Sức khỏe, HÒA BÌNH");
        await applier.ApplyAsync(article, new ArticleDraft("Giữ vững hoà bình", null, "<p>Nội dung.</p>", category.Id, null, null, tags, null, null, null),
            isNew: true, Ct);
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(["Hoà bình", "sức khoẻ"], tags);
        var all = await db.Tags.AsNoTracking().OrderBy(t => t.Slug).Select(t => new { t.Id, t.Name, t.Slug }).ToListAsync(Ct);
        Assert.Equal([("hòa bình", "hoa-binh"), ("sức khoẻ", "suc-khoe")], all.Select(t => (t.Name, t.Slug)));
        var linked = await db.ArticleTags.AsNoTracking().Where(x => x.ArticleId == article.Id).Select(x => x.TagId).OrderBy(x => x).ToListAsync(Ct);
        Assert.Equal(all.Select(t => t.Id).Order(), linked);
    }
}
