using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Media;

public sealed class MediaUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Form(string token, byte[] bytes, string fileName, string alt)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", fileName },
            { new StringContent(alt), "altText" },
            { new StringContent("Chú thích"), "caption" },
        };
    }

    [Fact]
    public async Task Upload_AsReporterWithAntiforgery_StoresImage_RefusesAFakeKeepingTheForm()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Reporter);

        var token = await Staff.AntiforgeryTokenAsync(client, "/admin/media");
        var ok = await client.PostAsync("/admin/media/upload", Form(token, TestFiles.Image(1600, 900), "le-ky-niem.jpg", "Lễ kỷ niệm"), Ct);
        var fake = await client.PostAsync("/admin/media/upload", Form(token, TestFiles.Executable(), "anh.jpg", "Mô tả giữ lại"), Ct);
        var noToken = await client.PostAsync("/admin/media/upload", new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Gif()), "file", "a.gif" } }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        var html = await fake.Content.ReadAsStringAsync(Ct);
        Assert.Contains("không phải là ảnh JPEG, PNG, WebP hoặc GIF", html);
        Assert.Contains("value=\"Mô tả giữ lại\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stored = await db.MediaFiles.SingleAsync(Ct);
        Assert.Equal("Lễ kỷ niệm", stored.AltText);
        Assert.Equal("480,800,1200", stored.Widths);

        var json = await client.GetStringAsync("/admin/media/list.json?q=ky%20niem", Ct);
        Assert.Contains("\"alt\":\"Lễ kỷ niệm\"", System.Text.RegularExpressions.Regex.Unescape(json));
    }

    [Fact]
    public async Task UploadJson_BombGetsA400WithTheVietnameseReason()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Editor);
        var token = await Staff.AntiforgeryTokenAsync(client, "/admin/media");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media/upload") { Content = Form(token, TestFiles.PngBomb(), "bom.png", "Bom") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vượt giới hạn", System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync(Ct)));
    }
}
