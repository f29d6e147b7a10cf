using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Media;

/// <summary>Issue 15: uploaded documents scanned by a real clamd (started here with a one-signature test database) when
/// <c>Media:ClamAv:Endpoint</c> is set: clean ones stored, infected ones refused naming the finding, and nothing stored
/// unscanned when the scanner does not answer.</summary>
public sealed class ClamAvScanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid PDF (it passes the type check) that the test signature matches.</summary>
    private static readonly byte[] Infected = [.. TestFiles.Pdf(), .. Encoding.ASCII.GetBytes("%Q11 test signature body\n")];

    [Fact]
    public async Task Upload_ScannerConfigured_CleanStoredInfectedRefusedWithFinding()
    {
        await using var clamd = await ClamDaemon.StartAsync(Infected, Ct);
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Media:ClamAv:Endpoint"] = clamd.Endpoint });
        var articleId = await AddArticleAsync(app);

        var clean = await AddAsync(app, articleId, TestFiles.Pdf(), "bao-cao.pdf");
        var infected = await AddAsync(app, articleId, Infected, "ke-hoach-nhiem.pdf");

        Assert.True(clean.Succeeded, clean.Message);
        Assert.Equal(Outcome.Invalid, infected.Outcome);
        Assert.Contains("máy quét virus phát hiện", infected.Message);
        Assert.Contains(ClamDaemon.SignatureName, infected.Message);
        Assert.Contains("ke-hoach-nhiem.pdf", infected.Message);
        await using var db = app.Database.CreateContext();
        Assert.Equal(["bao-cao.pdf"], await db.Attachments.Select(a => a.FileName).ToListAsync(Ct));
        Assert.Single(Directory.GetFiles(DocumentsDirectory(app), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Upload_ScannerConfiguredButDown_RefusedAndNothingStored()
    {
        // A port nothing listens on: the scanner is configured but unreachable.
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Media:ClamAv:Endpoint"] = "127.0.0.1:" + NginxProxy.FreePort(),
            ["Media:ClamAv:TimeoutSeconds"] = "5",
        });
        var articleId = await AddArticleAsync(app);

        var result = await AddAsync(app, articleId, TestFiles.Pdf(), "bao-cao.pdf");

        Assert.Equal(Outcome.Invalid, result.Outcome);
        Assert.Contains("máy quét virus (ClamAV) không trả lời", result.Message);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Attachments.AnyAsync(Ct));
        Assert.False(Directory.Exists(DocumentsDirectory(app)) && Directory.EnumerateFiles(DocumentsDirectory(app), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task UploadForm_InfectedDocument_ShowsTheFindingInVietnamese()
    {
        await using var clamd = await ClamDaemon.StartAsync(Infected, Ct);
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Media:ClamAv:Endpoint"] = clamd.Endpoint });
        var articleId = await AddArticleAsync(app);
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var page = $"/admin/articles/{articleId}/attachments";
        var token = await Staff.AntiforgeryTokenAsync(editor, page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Infected), "file", "ke-hoach.pdf" },
        };

        var response = await editor.PostAsync(page, form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("máy quét virus phát hiện “" + ClamDaemon.SignatureName, html);
    }

    private static string DocumentsDirectory(PortalAppFactory app) => app.Services.GetRequiredService<PortalPaths>().DocumentsDirectory;

    private static async Task<Result<AttachmentSummary>> AddAsync(PortalAppFactory app, int articleId, byte[] content, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AttachmentService>().AddAsync(articleId, new MemoryStream(content), content.Length, name, null, "editor", Ct);
    }

    private static async Task<int> AddArticleAsync(PortalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var article = new Article { Title = "Kế hoạch", Slug = "ke-hoach", Category = new Category { Name = "Tin", Slug = "tin" } };
        db.Add(article);
        await db.SaveChangesAsync(Ct);
        return article.Id;
    }
}
