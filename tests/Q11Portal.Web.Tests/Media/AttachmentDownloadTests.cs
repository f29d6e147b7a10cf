using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Testing;
using Q11Portal.Web.Controllers;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Media;

public sealed class AttachmentDownloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Published, int Draft)> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = new Category { Name = "Tin", Slug = "tin" };
        var published = new Article { Title = "Báo cáo", Slug = "bao-cao", Category = category, Status = ArticleStatus.Published, PublishedAtUtc = DateTime.UtcNow.AddHours(-1) };
        var draft = new Article { Title = "Nháp", Slug = "nhap", Category = category };
        db.AddRange(published, draft);
        await db.SaveChangesAsync(Ct);
        var attachments = scope.ServiceProvider.GetRequiredService<AttachmentService>();
        var a = await attachments.AddAsync(published.Id, new MemoryStream(TestFiles.Pdf()), null, "Báo cáo sơ kết Chỉ thị 05.pdf", null, "editor", Ct);
        var b = await attachments.AddAsync(draft.Id, new MemoryStream(TestFiles.Pdf()), null, "nhap.pdf", null, "editor", Ct);
        return (a.Value!.Id, b.Value!.Id);
    }

    [Fact]
    public async Task Download_PublishedArticleDocument_IsAnAttachmentWithUtf8NameAndNosniff()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        var (published, draft) = await SeedAsync(app.Services);

        var response = await client.GetAsync($"/tep-dinh-kem/{published}", Ct);
        var hidden = await client.GetAsync($"/tep-dinh-kem/{draft}", Ct);
        var missing = await client.GetAsync("/tep-dinh-kem/999999", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestFiles.Pdf(), await response.Content.ReadAsByteArrayAsync(Ct));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("bao-cao-so-ket-chi-thi-05.pdf", disposition.FileName!.Trim('"'));
        Assert.Equal("Báo cáo sơ kết Chỉ thị 05.pdf", disposition.FileNameStar);
        var raw = string.Join(";", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.Contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20s%C6%A1%20k%E1%BA%BFt%20Ch%E1%BB%89%20th%E1%BB%8B%2005.pdf", raw);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("Kế hoạch.docx", "ke-hoach.docx")]
    [InlineData("???.pdf", "van-ban.pdf")]
    [InlineData("report.PDF", "report.pdf")]
    public void ContentDisposition_HasAsciiFallbackAndExactName(string name, string fallback)
    {
        var header = AttachmentsController.ContentDisposition(name, FileSignatures.TypeOfExtension(Path.GetExtension(name))!.ContentType);

        Assert.StartsWith("attachment; filename=" + fallback, header);
        Assert.Contains("filename*=UTF-8''", header);
    }
}
