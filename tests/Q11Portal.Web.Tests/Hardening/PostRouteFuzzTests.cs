using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Newsroom;

namespace Q11Portal.Web.Tests.Hardening;

/// <summary>Every public and admin POST route (from the endpoint table), signed in as an admin with a valid
/// antiforgery token in the body, gets every kind of broken body: no answer is a 5xx, no row and no file is written.</summary>
public sealed class PostRouteFuzzTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPostRoute_EveryBrokenBody_NoServerErrorNoRowNoFile()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Comments:RateLimitPermits"] = "1000" });
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        // Something for the routes' ids to find: a category and an article with id 1.
        var category = await NewsroomSite.AddCategoryAsync(app);
        await NewsroomSite.CreateAsync(admin, "Bài có sẵn", "<p>Nội dung có sẵn</p>", category);
        var token = await Staff.AntiforgeryTokenAsync(admin, "/admin/categories/create");
        // Signing out last, so every other route is tried signed in.
        var routes = PostRoute.All(app).Select(r => PostRoute.Fill(r.Endpoint, r.Action, "1", "x"))
            .OrderBy(r => r.Name == "Account.LogoutConfirmed").ToList();
        Assert.Contains(routes, r => r.IsAdmin);
        Assert.Contains(routes, r => !r.IsAdmin);

        // The comment rate limiter creates its address-hashing secret on first use: a file written once, not by a body.
        using (await admin.PostAsync("/tin-tuc/x/binh-luan", new FormUrlEncodedContent([]), Ct))
        {
        }

        var rowsBefore = await CountRowsAsync(app);
        var filesBefore = Files(app.Database.DataDirectory);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var kind in BrokenBodies.All)
            {
                // The invalid bytes go in a field nothing binds: a readable body with garbage in a real field may
                // legitimately be saved; what is tested here is that reading it never fails.
                using var response = await admin.PostAsync(route.Path, BrokenBodies.Build(kind, token, kind == "invalid-utf8" ? "q" : "Name"), Ct);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{route.Name} {route.Path} {kind}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(rowsBefore, await CountRowsAsync(app));
        Assert.Equal(filesBefore, Files(app.Database.DataDirectory));
    }

    /// <summary>Rows per content table (counters and spent tokens left out: reading pages may add to them).</summary>
    private static async Task<string> CountRowsAsync(PortalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var counts = new (string, int)[]
        {
            ("Articles", await db.Articles.CountAsync(Ct)),
            ("ArticleRevisions", await db.ArticleRevisions.CountAsync(Ct)),
            ("ArticleTags", await db.ArticleTags.CountAsync(Ct)),
            ("ArticleSlugHistory", await db.ArticleSlugHistory.CountAsync(Ct)),
            ("ReportFigures", await db.ReportFigures.CountAsync(Ct)),
            ("ContentChanges", await db.ContentChanges.CountAsync(Ct)),
            ("Categories", await db.Categories.CountAsync(Ct)),
            ("Tags", await db.Tags.CountAsync(Ct)),
            ("MediaFiles", await db.MediaFiles.CountAsync(Ct)),
            ("Attachments", await db.Attachments.CountAsync(Ct)),
            ("SidebarBlocks", await db.SidebarBlocks.CountAsync(Ct)),
            ("SidebarItems", await db.SidebarItems.CountAsync(Ct)),
            ("Topics", await db.Topics.CountAsync(Ct)),
            ("Comments", await db.Comments.CountAsync(Ct)),
            ("ScheduleWeeks", await db.ScheduleWeeks.CountAsync(Ct)),
            ("ScheduleEntries", await db.ScheduleEntries.CountAsync(Ct)),
            ("SitePages", await db.SitePages.CountAsync(Ct)),
            ("Letters", await db.Letters.CountAsync(Ct)),
            ("AuditEntries", await db.AuditEntries.CountAsync(Ct)),
            ("Users", await db.Users.CountAsync(Ct)),
        };
        return string.Join(", ", counts.Select(c => $"{c.Item1}={c.Item2}"));
    }

    /// <summary>Files under the data directory with their sizes, the database and logs left out.</summary>
    private static string Files(string directory) =>
        string.Join('\n', Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f))
            .Where(f => !f.StartsWith("logs", StringComparison.Ordinal) && !f.StartsWith("test.db", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => f + " " + new FileInfo(Path.Combine(directory, f)).Length));
}
