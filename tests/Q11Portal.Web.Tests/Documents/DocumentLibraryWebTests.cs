using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Documents;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Search;

namespace Q11Portal.Web.Tests.Documents;

/// <summary>The library over HTTP: list and look-up, document page with its mentions, PDF inline, old attachment
/// links moved for good, sitemap, the search page's documents block, and the editors' forms.</summary>
public sealed class DocumentLibraryWebTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LibraryPages_LookUpInAnyForm_DocumentPageListsMentions_AndThePdfOpensInline()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        await DocumentSeed.AddAsync(app.Services, DocumentSeed.Directive05, DocumentSeed.Conclusion01);
        await SearchPageTests.SeedAsync(app.Services,
            ("Báo cáo sơ kết thực hiện Chỉ thị 05 năm 2024", "Đảng bộ Quận 11 sơ kết.", "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, các chi bộ đăng ký làm theo Bác.", "Hoạt động Đảng", 2));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var lookup = await client.GetStringAsync("/van-ban?so=chi+thi+05", Ct);
        var page = await client.GetStringAsync("/van-ban/chi-thi-05-ct-tw", Ct);
        var file = System.Text.RegularExpressions.Regex.Match(page, "/van-ban/tep/(\\d+)").Value;
        using var pdf = await client.GetAsync(file, Ct);

        Assert.Contains("Chỉ thị số 05-CT/TW", lookup);
        Assert.DoesNotContain("Kết luận số 01-KL/TW", lookup);
        Assert.Contains("Báo cáo sơ kết thực hiện Chỉ thị 05 năm 2024", page);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("inline", pdf.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("nosniff", pdf.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF", await pdf.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ReportNamingTheDocument_IsRenderedWithALinkToIt_AndTheSearchPageShowsTheDocumentsBlock()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        await DocumentSeed.AddAsync(app.Services, DocumentSeed.Directive05);
        await SearchPageTests.SeedAsync(app.Services,
            ("Báo cáo sơ kết thực hiện Chỉ thị 05 năm 2024", "Đảng bộ Quận 11 sơ kết.", "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, các chi bộ đăng ký làm theo Bác.", "Hoạt động Đảng", 2));
        var client = app.CreateClient();

        var article = await client.GetStringAsync("/tin-tuc/bao-cao-so-ket-thuc-hien-chi-thi-05-nam-2024", Ct);
        var search = await client.GetStringAsync("/tim-kiem?q=chi+thi+05", Ct);

        Assert.Contains("<a href=\"/van-ban/chi-thi-05-ct-tw\" class=\"doc-link\"", article);
        Assert.Contains("class=\"doc-matches\"", search);
        Assert.True(search.IndexOf("doc-matches", StringComparison.Ordinal) < search.IndexOf("Báo cáo sơ kết thực hiện", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OldAttachmentLink_MovesPermanently_AndBadFiltersGetTheListAgainInVietnamese()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        await DocumentSeed.AddAsync(app.Services, DocumentSeed.Directive05);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var old = await client.GetAsync("/van-ban/42", Ct);
        using var badYear = await client.GetAsync("/van-ban?nam=hai-nghin&so=chi+thi+05", Ct);
        using var missing = await client.GetAsync("/van-ban/khong-co-van-ban-nay", Ct);
        var sitemap = await client.GetStringAsync("/sitemap-van-ban.xml", Ct);
        var robots = await client.GetStringAsync("/robots.txt", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tep-dinh-kem/42", old.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        var body = await badYear.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Năm ban hành “hai-nghin” không hợp lệ", body);
        Assert.Contains("value=\"chi thi 05\"", body);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("/van-ban/chi-thi-05-ct-tw</loc>", sitemap);
        Assert.Contains("/sitemap-van-ban.xml", robots);
    }

    [Fact]
    public async Task EditorForms_BadInputComesBackWithTheTypedText_GoodInputIsSavedAndAudited()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "kl", ["Symbol"] = "01-KL/TW", ["Excerpt"] = "", ["Issuer"] = "Bộ Chính trị", ["IssuedOn"] = "2021-05-18",
            ["Signer"] = "Người ký đã gõ", ["Validity"] = "InForce",
        };

        using var bad = await Staff.PostFormAsync(editor, "/admin/documents/new", "/admin/documents/new", fields);
        var badBody = await bad.Content.ReadAsStringAsync(Ct);
        fields["Excerpt"] = "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW";
        using var good = await Staff.PostFormAsync(editor, "/admin/documents/new", "/admin/documents/new", fields);
        fields["IssuedOn"] = "18/05/2021";
        using var badDate = await Staff.PostFormAsync(editor, "/admin/documents/new", "/admin/documents/new", fields);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Hãy nhập trích yếu.", badBody);
        Assert.Contains("value=\"Người ký đã gõ\"", badBody);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("ngày ban hành", await badDate.Content.ReadAsStringAsync(Ct));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("kl:1:tw", (await db.Set<LibraryDocument>().SingleAsync(Ct)).ReferenceKey);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "document.create", Ct));
    }
}
