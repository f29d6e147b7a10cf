using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Core.Security;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Comments;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 13: keys and secrets live in the database, so whatever one node signs (the staff cookie, antiforgery
/// tokens, comment form tokens, ALTCHA challenges) every other node accepts, and so does a restarted one.</summary>
public sealed class SharedKeysAcrossHostsTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Comments:AltchaMaxNumber"] = "2000",
        ["Comments:MinFormAgeSeconds"] = "3",
        ["Comments:MaxFormAgeMinutes"] = "60",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoHostsOneDatabase_AcceptEachOthersTokensAndCookies_AlsoAfterARestart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var nodes = 0;
        // Each node with a folder of its own (as on separate machines), the media folder shared.
        PortalAppFactory Node() => new(database, new Dictionary<string, string?>(Settings)
        {
            ["DataDirectory"] = Directory.CreateDirectory(Path.Combine(database.DataDirectory, "node" + ++nodes)).FullName,
            ["Media:Directory"] = database.DataDirectory,
        }, s => s.AddSingleton<TimeProvider>(clock), ownsDatabase: false);
        await using var node1 = Node();
        await using var node2 = Node();
        var client1 = Client(node1);
        var client2 = Client(node2);
        var (_, slug) = await CommentTestSite.AddArticleAsync(node1, clock, "Hai máy chủ, một biểu mẫu bình luận");
        var form = $"/tin-tuc/{slug}/binh-luan";

        // Two comment forms and two solved challenges from node 1; the first is posted to node 2 now.
        string[] tokens = [CommentTestSite.ReadToken(await client1.GetStringAsync(form, Ct)), CommentTestSite.ReadToken(await client1.GetStringAsync(form, Ct))];
        string[] proofs = [await SolveAsync(client1), await SolveAsync(client1)];
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Redirect, (await PostCommentAsync(client2, form, tokens[0], proofs[0], "Đề nghị phường sửa đèn đường ở hẻm 12.")).StatusCode);

        // A staff member opens the sign-in form on node 1, signs in through node 2, and works on node 1.
        var email = await Staff.CreateAsync(node1, "Editor");
        var browser = new CookieJar();
        var signIn = await browser.SignInAsync(client1, client2, email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(client1, new(HttpMethod.Get, "/admin"))).StatusCode);

        // Both nodes restart: what was handed out before still works.
        await node1.DisposeAsync();
        await node2.DisposeAsync();
        await using var node3 = Node();
        var client3 = Client(node3);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCommentAsync(client3, form, tokens[1], proofs[1], "Cảm ơn phường đã thu gom rác đúng giờ.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(client3, new(HttpMethod.Get, "/admin"))).StatusCode);

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Comments.CountAsync(Ct));
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
        Assert.Equal(CommentSecrets.SecretName, (await db.PortalSecrets.SingleAsync(Ct)).Name);
    }

    [Fact]
    public async Task CommentForm_SecretRowUnreadable_IsReplacedAndAnswers()
    {
        await using var site = await CommentTestSite.CreateAsync();
        // Protected with keys this portal does not have, as after the Data Protection keys were lost.
        var lostKeys = new EphemeralDataProtectionProvider().CreateProtector("Q11Portal.Secrets", CommentSecrets.SecretName);
        var unreadable = Convert.ToBase64String(lostKeys.Protect(new byte[PortalSecretStore.KeyBytes]));
        await using (var db = site.App.Database.CreateContext())
        {
            db.PortalSecrets.Add(new PortalSecret { Name = CommentSecrets.SecretName, Value = unreadable, CreatedAtUtc = DateTime.UtcNow.AddDays(-3) });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync(site.FormUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/altcha/challenge", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostValidAsync()).StatusCode);

        Assert.Contains("Warning The shared secret Comments.Secret cannot be read", site.LogText());
        await using var check = site.App.Database.CreateContext();
        Assert.NotEqual(unreadable, (await check.PortalSecrets.SingleAsync(Ct)).Value);
    }

    private static HttpClient Client(PortalAppFactory node) => node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<string> SolveAsync(HttpClient client) =>
        AltchaService.Solve((await client.GetFromJsonAsync<AltchaChallenge>("/altcha/challenge", Ct))!);

    private static Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string form, string token, string altcha, string body) =>
        client.PostAsync(form, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Trần Thị Bình",
            ["Body"] = body,
            ["FormToken"] = token,
            ["altcha"] = altcha,
        }), Ct);
}
