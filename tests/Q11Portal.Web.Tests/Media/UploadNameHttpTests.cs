using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Q11Portal.Web.Tests.Media;

/// <summary>Both upload routes store the display name UploadName makes: the detected type's extension, never the sent one.</summary>
public sealed class UploadNameHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(string token, byte[] bytes, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    [Fact]
    public async Task ImageUpload_AspxNamedPng_IsListedAsPng()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Editor);
        var token = await Staff.AntiforgeryTokenAsync(client, "/admin/media");

        var response = await client.PostAsync("/admin/media/upload",
            Form(token, TestFiles.Image(640, 480, SKEncodedImageFormat.Png), "x.aspx", ("altText", "Ảnh\u202E thử"), ("caption", "")), Ct);
        var list = await client.GetStringAsync("/admin/media", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaFiles.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("x.png", stored.OriginalFileName);
        Assert.Equal("Ảnh thử", stored.AltText);
        Assert.Contains("x.png", list);
        Assert.DoesNotContain("x.aspx", list);
    }

    [Fact]
    public async Task AttachmentUpload_PhpInTheName_IsStoredWithTheDetectedExtensionOnly()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Editor);
        int articleId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var article = new Article { Title = "Văn bản", Slug = "van-ban", Category = new Category { Name = "Tin", Slug = "tin" }, BodyHtml = "<p>Nội dung</p>" };
            db.Articles.Add(article);
            await db.SaveChangesAsync(Ct);
            articleId = article.Id;
        }

        var page = $"/admin/articles/{articleId}/attachments";
        var token = await Staff.AntiforgeryTokenAsync(client, page);
        var response = await client.PostAsync(page, Form(token, TestFiles.Pdf(), "C:\\fakepath\\bao-cao.php.pdf", ("title", "")), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, response.StatusCode.ToString());
        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<PortalDbContext>().Attachments.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("bao-cao-php.pdf", stored.FileName);
    }
}
