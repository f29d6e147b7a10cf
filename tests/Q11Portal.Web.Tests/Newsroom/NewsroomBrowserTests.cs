using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>The newsroom in headless Chromium with the portal's own Content-Security-Policy (no inline scripts):
/// TinyMCE, the media picker, the workflow between a reporter and an editor, and the public pages that follow.</summary>
public sealed class NewsroomBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A page that records script errors, CSP violations and dialogs.</summary>
    private static async Task<(IPage Page, List<string> Problems)> WatchedPageAsync(Infrastructure.Browser browser, int width = 1280)
    {
        var page = await browser.NewPageAsync(width);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            problems.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        return (page, problems);
    }

    private static Task WaitForEditorAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.tinymce && tinymce.activeEditor && tinymce.activeEditor.initialized");

    private static Task<string> BodyAsync(IPage page) => page.EvaluateAsync<string>("() => tinymce.activeEditor.getContent()");

    [Fact]
    public async Task ReporterWritesWithImageCaptionAndPastedTable_EditorReturns_ReporterFixes_EditorPublishes_HomeShowsIt()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync();
        await NewsroomSite.AddCategoryAsync(app, "Hoạt động phường");
        var reporterEmail = await Staff.CreateAsync(app, Roles.Reporter);
        var editorEmail = await Staff.CreateAsync(app, Roles.Editor);
        const string Title = "Phường 14 ra quân làm sạch kênh Tân Hóa – Lò Gốm";
        var imageFile = Path.Combine(Directory.CreateTempSubdirectory("q11-upload-").FullName, "ra-quan-lam-sach-kenh.jpg");
        await File.WriteAllBytesAsync(imageFile, TestFiles.Image(1600, 1000), Ct);

        // 1. The reporter writes: title, sapo, body in TinyMCE, an uploaded image with a caption, a table pasted from Word.
        var (reporter, reporterProblems) = await WatchedPageAsync(browser);
        await Infrastructure.Browser.SignInAsync(reporter, app.BaseUrl, reporterEmail);
        await reporter.GotoAsync(app.BaseUrl + "/admin/articles/create");
        await WaitForEditorAsync(reporter);
        await reporter.Locator("#Title").FillAsync(Title);
        await reporter.Locator("#Summary").FillAsync("Sáng 29/11, hơn 120 đoàn viên, thanh niên phường 14 ra quân vớt rác, khơi thông dòng chảy.");
        await reporter.Locator("#CategoryId").SelectOptionAsync(new SelectOptionValue { Label = "Hoạt động phường" });
        await reporter.EvaluateAsync("() => tinymce.activeEditor.setContent('<h2>Ra quân từ sáng sớm</h2><p>Lực lượng chia thành ba mũi.</p>')");
        await reporter.EvaluateAsync("() => { const e = tinymce.activeEditor; e.focus(); e.selection.select(e.getBody().lastChild, true); e.selection.collapse(false); }");

        await Infrastructure.Browser.ScreenshotAsync(reporter, "newsroom-00-editor-loaded");
        await reporter.Locator("button[aria-label='Chèn ảnh từ thư viện hoặc tải ảnh lên']").ClickAsync();
        await Expect(reporter.Locator("#media-picker")).ToBeVisibleAsync();
        await reporter.Locator("#mp-file").SetInputFilesAsync(imageFile);
        await reporter.Locator("#mp-upload").ClickAsync();
        await Expect(reporter.Locator("#mp-error")).ToContainTextAsync("mô tả ảnh");
        await reporter.Locator("#mp-alt").FillAsync("Đoàn viên vớt rác trên kênh Tân Hóa");
        await reporter.Locator("#mp-caption").FillAsync("Đoàn viên phường 14 vớt rác trên kênh Tân Hóa – Lò Gốm");
        await Infrastructure.Browser.ScreenshotAsync(reporter, "newsroom-01-media-picker");
        await reporter.Locator("#mp-upload").ClickAsync();
        await Expect(reporter.Locator("#media-picker")).ToBeHiddenAsync();

        const string WordTable =
            "<table class=\"MsoTableGrid\" border=\"1\" style=\"border-collapse:collapse;border:none;mso-yfti-tbllook:1184\">" +
            "<tr><td style=\"width:200pt;border:solid windowtext 1.0pt\"><p class=\"MsoNormal\"><b>Nội dung</b></p></td>" +
            "<td style=\"width:100pt;border:solid windowtext 1.0pt\"><p class=\"MsoNormal\"><b>Kết quả</b></p></td></tr>" +
            "<tr><td><p class=\"MsoNormal\">Rác thu gom (tấn)</p></td><td><p class=\"MsoNormal\">3,5</p></td></tr>" +
            "<tr><td><p class=\"MsoNormal\">Người tham gia</p></td><td><p class=\"MsoNormal\">120</p></td></tr></table>";
        await reporter.EvaluateAsync(@"html => {
            const editor = tinymce.activeEditor;
            editor.selection.select(editor.getBody().lastChild, true);
            editor.selection.collapse(false);
            const data = new DataTransfer();
            data.setData('text/html', '<html><body><!--StartFragment-->' + html + '<!--EndFragment--></body></html>');
            data.setData('text/plain', 'Nội dung\tKết quả');
            editor.getBody().dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }", WordTable);
        await reporter.WaitForFunctionAsync("() => tinymce.activeEditor.getBody().querySelector('table') !== null");

        // The lead image: picked again from the library (the upload is there now).
        await reporter.Locator("button[data-media-pick=lead]").ClickAsync();
        await reporter.Locator("#mp-grid .mp-item").First.ClickAsync();
        await Expect(reporter.Locator("#lead-preview img")).ToBeVisibleAsync();
        await reporter.Locator("#LeadImageCaption").FillAsync("Lực lượng đoàn viên ra quân sáng 29/11");
        await reporter.Locator("#Tags").FillAsync("Môi trường, Đoàn viên");
        var draftBody = await BodyAsync(reporter);
        Assert.True(draftBody.Contains("<figcaption>Đoàn viên phường 14 vớt rác trên kênh Tân Hóa – Lò Gốm</figcaption>", StringComparison.Ordinal), draftBody);
        Assert.Contains("<table", draftBody);
        Assert.DoesNotContain("MsoNormal", draftBody);
        await Infrastructure.Browser.ScreenshotAsync(reporter, "newsroom-02-reporter-editor");
        await reporter.Locator("button[name=command][value=submit]").ClickAsync();
        await reporter.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal));
        await Expect(reporter.Locator(".head-links .status")).ToHaveTextAsync("Chờ duyệt");
        var id = int.Parse(reporter.Url.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        await Infrastructure.Browser.ScreenshotAsync(reporter, "newsroom-03-submitted");

        // 2. The editor returns it with a reason.
        var (editor, editorProblems) = await WatchedPageAsync(browser);
        await Infrastructure.Browser.SignInAsync(editor, app.BaseUrl, editorEmail);
        await editor.GotoAsync($"{app.BaseUrl}/admin/articles?status=Submitted");
        await editor.Locator($"a[href='/admin/articles/{id}/edit']").First.ClickAsync();
        await WaitForEditorAsync(editor);
        await editor.Locator("#return-reason-input").FillAsync("Cần ghi rõ đơn vị phối hợp và thêm số liệu mét kênh được khơi thông.");
        await editor.Locator("#return-form button[type=submit]").ClickAsync();
        await Expect(editor.Locator(".head-links .status")).ToHaveTextAsync("Trả lại");
        await Infrastructure.Browser.ScreenshotAsync(editor, "newsroom-04-returned-by-editor");

        // 3. The reporter sees the reason, fixes the article and submits again.
        await reporter.ReloadAsync();
        await WaitForEditorAsync(reporter);
        await Expect(reporter.Locator("#return-reason")).ToContainTextAsync("thêm số liệu mét kênh");
        await Infrastructure.Browser.ScreenshotAsync(reporter, "newsroom-05-reporter-sees-reason");
        await reporter.EvaluateAsync(@"() => {
            const editor = tinymce.activeEditor;
            editor.dom.add(editor.getBody(), 'p', {}, 'Phối hợp cùng Ban quản lý dự án quận, đã khơi thông 800 m kênh.');
            editor.save();
        }");
        await reporter.Locator("button[name=command][value=submit]").ClickAsync();
        await Expect(reporter.Locator(".head-links .status")).ToHaveTextAsync("Chờ duyệt");

        // 4. The editor publishes.
        await editor.GotoAsync($"{app.BaseUrl}/admin/articles/{id}/edit");
        await WaitForEditorAsync(editor);
        Assert.Contains("khơi thông 800 m kênh", await BodyAsync(editor));
        await editor.Locator("button[name=command][value=publish]").ClickAsync();
        await Expect(editor.Locator(".head-links .status")).ToHaveTextAsync("Đã xuất bản");
        await Infrastructure.Browser.ScreenshotAsync(editor, "newsroom-06-published");

        // 5. The public home page shows it with its picture; the article shows the figure, caption and table.
        var (reader, readerProblems) = await WatchedPageAsync(browser, 390);
        await reader.GotoAsync(app.BaseUrl + "/");
        var card = reader.Locator($"a:has-text('{Title}')").First;
        await Expect(card).ToBeVisibleAsync();
        var homeImage = reader.Locator("img[src*='/media/']").First;
        await Expect(homeImage).ToBeVisibleAsync();
        Assert.True(await homeImage.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The home page image did not load.");
        await Infrastructure.Browser.ScreenshotAsync(reader, "newsroom-07-home-mobile");
        await card.ClickAsync();
        await Expect(reader.Locator(".article-body figure.image figcaption")).ToHaveTextAsync("Đoàn viên phường 14 vớt rác trên kênh Tân Hóa – Lò Gốm");
        await Expect(reader.Locator("article table td", new() { HasTextString = "Người tham gia" })).ToBeVisibleAsync();
        await Infrastructure.Browser.ScreenshotAsync(reader, "newsroom-08-article-mobile");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == id, Ct);
            Assert.Equal(ArticleStatus.Published, article.Status);
            Assert.NotNull(article.LeadImageId);
            Assert.True(await db.ArticleRevisions.CountAsync(r => r.ArticleId == id, Ct) >= 2);
        }

        Assert.True(reporterProblems.Count == 0, string.Join("\n", reporterProblems));
        Assert.True(editorProblems.Count == 0, string.Join("\n", editorProblems));
        Assert.True(readerProblems.Count == 0, string.Join("\n", readerProblems));
    }

    [Fact]
    public async Task EditorOnAPhone_FormAndWorkflowPanelFitTheScreen()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app);
        var editorEmail = await Staff.CreateAsync(app, Roles.Admin);
        var (page, problems) = await WatchedPageAsync(browser, 390);
        await Infrastructure.Browser.SignInAsync(page, app.BaseUrl, editorEmail);
        await page.GotoAsync(app.BaseUrl + "/admin/articles/create");
        await WaitForEditorAsync(page);
        await page.Locator("#Title").FillAsync("Bài viết trên điện thoại");
        await page.Locator("#CategoryId").SelectOptionAsync(category.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.EvaluateAsync("() => tinymce.activeEditor.setContent('<p>Nội dung soạn trên điện thoại.</p>')");
        await page.Locator("button[name=command][value=save]").ClickAsync();
        await WaitForEditorAsync(page);
        await Expect(page.Locator(".head-links .status")).ToHaveTextAsync("Nháp");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The editor page is {overflow}px wider than a 390px phone screen.");
        await Infrastructure.Browser.ScreenshotAsync(page, "newsroom-09-editor-phone");
        // A second save with a changed word, then the history, the diff and the audit log, all on the phone.
        await page.EvaluateAsync("() => tinymce.activeEditor.setContent('<p>Nội dung đã sửa trên điện thoại.</p>')");
        await page.Locator("button[name=command][value=save]").ClickAsync();
        await WaitForEditorAsync(page);
        foreach (var (url, shot) in new[]
        {
            ("/admin/articles", "newsroom-10-list-phone"),
            (page.Url.Replace("/edit", "/revisions", StringComparison.Ordinal), "newsroom-12-revisions-phone"),
            ("/admin/audit", "newsroom-14-audit-phone"),
        })
        {
            await page.GotoAsync(url.StartsWith("http", StringComparison.Ordinal) ? url : app.BaseUrl + url);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, url + " overflows a phone screen.");
            await Infrastructure.Browser.ScreenshotAsync(page, shot);
            if (shot == "newsroom-12-revisions-phone")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "So sánh hai phiên bản đã chọn" }).ClickAsync();
                await Expect(page.Locator(".diff-body ins").First).ToContainTextAsync("đã sửa");
                await Infrastructure.Browser.ScreenshotAsync(page, "newsroom-13-diff-phone");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task HostileArticle_PublishedThroughEditorAndImporter_RendersWithoutRunningAnyScript()
    {
        await using var browser = await Infrastructure.Browser.LaunchAsync();
        await using var app = await KestrelPortalFactory.CreateAsync();
        var category = await NewsroomSite.AddCategoryAsync(app, "Tin tức");
        var slugs = new List<string>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<ArticleWriter>();
            var actor = new StaffActor("hostile-test", "bien-tap@q11.test", Roles.Editor);
            var created = await writer.CreateAsync(new ArticleDraft("Bài thử mã độc qua trình soạn thảo", "Sapo.", ArticleSanitizerPathTests.HostileBody,
                category, null, null, [], null, null, null), actor, Ct);
            Assert.True(created.Succeeded, created.Message);
            var published = await scope.ServiceProvider.GetRequiredService<NewsroomWorkflow>()
                .PublishAsync(created.Value!.ArticleId, created.Value.Version, actor, null, Ct);
            Assert.True(published.Succeeded, published.Message);
            var json = System.Text.Json.JsonSerializer.Serialize(new[]
            {
                new { id = "hostile", title = "Bài thử mã độc qua nhập liệu", category = "Tin tức", publishedAt = "2026-11-01T08:00:00+07:00", contentHtml = ArticleSanitizerPathTests.HostileBody },
            });
            await scope.ServiceProvider.GetRequiredService<Core.Import.ArticleImporter>()
                .ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), null, Ct, "hostile.json");
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            slugs.AddRange(await db.Articles.OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync(Ct));
        }

        Assert.Equal(2, slugs.Count);
        // The hostile body's image must come from the portal's own media (other images are removed), so it exists.
        var uploads = app.Services.GetRequiredService<Core.Data.PortalPaths>().UploadsDirectory;
        await File.WriteAllBytesAsync(Path.Combine(uploads, "anh-onerror.png"), Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), Ct);
        var (page, problems) = await WatchedPageAsync(browser, 390);
        foreach (var slug in slugs)
        {
            await page.GotoAsync($"{app.BaseUrl}/tin-tuc/{slug}");
            await Expect(page.Locator("h1.article__title")).ToBeVisibleAsync();
            await Expect(page.Locator(".article-body p", new() { HasTextString = "Đoạn mở đầu an toàn." })).ToBeVisibleAsync();
            // Give any event handler or timer a chance to fire, and hover/click where the overlay would have been.
            await page.Mouse.MoveAsync(195, 400);
            await page.Locator(".article-body p", new() { HasTextString = "Đoạn có trình xử lý sự kiện." }).ClickAsync();
            await page.WaitForTimeoutAsync(300);
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"), "A script from the article body ran.");
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('.article-body script, .article-body iframe, .article-body form, .article-body svg').length"));
            // Nothing in the body is fixed or absolutely positioned over the page.
            Assert.Equal(0, await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('.article-body *')].filter(e => ['fixed', 'absolute', 'sticky'].includes(getComputedStyle(e).position) || getComputedStyle(e).display === 'none' || getComputedStyle(e).opacity === '0').length"));
            await Infrastructure.Browser.ScreenshotAsync(page, "newsroom-11-hostile-" + (slugs.IndexOf(slug) == 0 ? "editor" : "import"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
