using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>The editor form's Biên tập fields and the trash in headless Chromium under the portal's CSP, at 1280 px:
/// pinning by title as you type, an expiry, then delete to the trash and restore.</summary>
public sealed class NewsroomAdditionsBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditorPinsByTitleSetsExpiry_ThenDeletesAndRestoresFromTheTrash()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app, "Hoạt động phường");
        var editorEmail = await Staff.CreateAsync(app, Roles.Editor);
        var pinned = await AddAsync(app, category, "Hội thao lực lượng vũ trang quận năm 2026", ArticleStatus.Published);
        var id = await AddAsync(app, category, "Lễ ra quân chiến dịch Mùa hè xanh", ArticleStatus.Published);
        var draft = await AddAsync(app, category, "Bản nháp thông báo lịch tiếp dân", ArticleStatus.Draft);

        var page = await browser.NewPageAsync(1280);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        await Infrastructure.Browser.SignInAsync(page, app.BaseUrl, editorEmail);
        await page.GotoAsync($"{app.BaseUrl}/admin/articles/{id}/edit");
        await page.Locator("#pinned-q").FillAsync("hoi thao");
        await page.Locator("#pinned-results button").First.ClickAsync();
        await Expect(page.Locator("#PinnedRelated")).ToHaveValueAsync(pinned.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#ExpiresAtLocal").FillAsync("2030-12-31T17:00");
        await page.Locator("#IsFeatured").CheckAsync();
        await page.Locator("#FeaturedOrder").FillAsync("1");
        // The note goes with a real change of the text (a note alone is refused with the form again).
        await page.Locator("#Summary").FillAsync("Sáng 5/12, 350 đoàn viên ra quân.");
        await page.Locator("#CorrectionNote").FillAsync("Sửa số đoàn viên tham gia.");
        await Infrastructure.Browser.ScreenshotAsync(page, "newsroom2-edit-form-1280");
        await page.Locator("#article-form button[value=save]").ClickAsync();
        await Expect(page.Locator(".flash").First).ToContainTextAsync("Đã lưu");
        await Expect(page.Locator(".pinned-list")).ToContainTextAsync("Hội thao lực lượng vũ trang quận năm 2026");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
            Assert.Equal(new DateTime(2030, 12, 31, 10, 0, 0, DateTimeKind.Utc), stored.ExpiresAtUtc);
            Assert.True(stored.IsFeatured);
            Assert.Equal(1, stored.FeaturedOrder);
        }

        await page.GotoAsync($"{app.BaseUrl}/admin/articles/{draft}/delete");
        await page.Locator("button.danger").ClickAsync();
        await page.GotoAsync($"{app.BaseUrl}/admin/articles/trash");
        await Expect(page.Locator("#trash-list")).ToContainTextAsync("Bản nháp thông báo lịch tiếp dân");
        await Infrastructure.Browser.ScreenshotAsync(page, "newsroom2-trash-1280");
        await page.Locator("#trash-list button", new() { HasText = "Khôi phục" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/admin/articles/{draft}/edit");
        await Expect(page.Locator(".status").First).ToHaveTextAsync(ArticleWorkflow.StatusName(ArticleStatus.Draft));
        Assert.Empty(problems);
    }

    private static async Task<int> AddAsync(KestrelPortalFactory app, int category, string title, ArticleStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var article = new Article
        {
            Title = title, Slug = Core.Common.Slug.From(title), Summary = "Sapo.", BodyHtml = "<p>Nội dung bài.</p>", CategoryId = category,
            Status = status, PublishedAtUtc = status == ArticleStatus.Published ? now.AddMinutes(-5) : null, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);
        return article.Id;
    }
}
