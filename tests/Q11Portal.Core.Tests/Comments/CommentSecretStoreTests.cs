using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Core.Security;
using Q11Portal.Core.Tests.Search;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Comments;

/// <summary>The comment secret (and any other shared secret) lives in the database: every node and every restart reads
/// the same one, and an unreadable one is replaced instead of failing.</summary>
public sealed class CommentSecretStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetAsync_TwoNodesRacing_AgreeOnOneSecret(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node1 = await SearchTestHost.CreateAsync(database: database);
        await using var node2 = await SearchTestHost.CreateAsync(database: database);

        var keys = await Task.WhenAll(
            node1.Services.GetRequiredService<PortalSecretStore>().GetAsync(CommentSecrets.SecretName, Ct),
            node2.Services.GetRequiredService<PortalSecretStore>().GetAsync(CommentSecrets.SecretName, Ct));

        Assert.Equal(PortalSecretStore.KeyBytes, keys[0].Length);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(1, await CountAsync(database));
        // What the comment features derive from it agrees too.
        Assert.Equal(Hasher(node1).Hash("203.0.113.7"), Hasher(node2).Hash("203.0.113.7"));
    }

    private static ClientAddressHasher Hasher(SearchTestHost node) =>
        new(new CommentSecrets(Options.Create(new CommentOptions()), node.Services.GetRequiredService<PortalSecretStore>()), TimeProvider.System);

    [Fact]
    public async Task GetAsync_AfterRestart_ReadsTheStoredSecret()
    {
        await using var database = await TestDatabase.CreateAsync();
        byte[] before;
        await using (var node = await SearchTestHost.CreateAsync(database: database))
        {
            before = await node.Services.GetRequiredService<PortalSecretStore>().GetAsync("Test.Secret", Ct);
        }

        await using var restarted = await SearchTestHost.CreateAsync(database: database);
        Assert.Equal(before, await restarted.Services.GetRequiredService<PortalSecretStore>().GetAsync("Test.Secret", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetAsync_RowProtectedWithLostKeys_IsReplacedOnceForEveryNode(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // As after the Data Protection keys were lost: the value was protected with keys nobody has any more.
        var lost = new EphemeralDataProtectionProvider().CreateProtector("Q11Portal.Secrets", CommentSecrets.SecretName);
        var unreadable = Convert.ToBase64String(lost.Protect(new byte[PortalSecretStore.KeyBytes]));
        await InsertAsync(database, unreadable);
        await using var node1 = await SearchTestHost.CreateAsync(database: database);
        await using var node2 = await SearchTestHost.CreateAsync(database: database);

        var first = await node1.Services.GetRequiredService<PortalSecretStore>().GetAsync(CommentSecrets.SecretName, Ct);
        var second = await node2.Services.GetRequiredService<PortalSecretStore>().GetAsync(CommentSecrets.SecretName, Ct);

        Assert.Equal(first, second);
        Assert.NotEqual(new byte[PortalSecretStore.KeyBytes], first);
        await using var db = database.CreateContext();
        Assert.NotEqual(unreadable, (await db.PortalSecrets.SingleAsync(Ct)).Value);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    [InlineData("")]
    public async Task Get_DamagedRow_IsReplaced(string damaged)
    {
        await using var database = await TestDatabase.CreateAsync();
        await InsertAsync(database, damaged);
        await using var node = await SearchTestHost.CreateAsync(database: database);

        var key = node.Services.GetRequiredService<PortalSecretStore>().Get(CommentSecrets.SecretName);

        Assert.Equal(PortalSecretStore.KeyBytes, key.Length);
        await using var restarted = await SearchTestHost.CreateAsync(database: database);
        Assert.Equal(key, restarted.Services.GetRequiredService<PortalSecretStore>().Get(CommentSecrets.SecretName));
    }

    private static async Task InsertAsync(TestDatabase database, string value)
    {
        await using var db = database.CreateContext();
        db.PortalSecrets.Add(new PortalSecret { Name = CommentSecrets.SecretName, Value = value, CreatedAtUtc = DateTime.UtcNow.AddDays(-1) });
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.PortalSecrets.CountAsync(Ct);
    }
}
