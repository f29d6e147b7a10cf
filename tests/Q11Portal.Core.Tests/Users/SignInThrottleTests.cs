using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using StackExchange.Redis;

namespace Q11Portal.Core.Tests.Users;

public sealed class SignInThrottleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SignInThrottle Throttle(PortalDbContext db, ISignInFailureStore store, TimeProvider clock) =>
        new(store, Options.Create(new SignInLimitOptions { MaxFailuresPerAddress = 3, WindowMinutes = 15 }),
            new AuditLog(db, clock, NullLogger<AuditLog>.Instance), NullLogger<SignInThrottle>.Instance);

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::9", "2001:db8:1:2::/64")]
    [InlineData(null, "unknown")]
    public void AddressKey_Address_GivesItsKey(string? address, string expected) =>
        Assert.Equal(expected, SignInThrottle.AddressKey(address is null ? null : IPAddress.Parse(address)));

    [Fact]
    public async Task CheckAsync_LimitOfFailuresReached_RefusedAndAuditedUntilTheWindowEnds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var throttle = Throttle(db, new MemorySignInFailureStore(clock), clock);
        var office = IPAddress.Parse("203.0.113.7");

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await throttle.CheckAsync(office, Ct)).Succeeded);
            await throttle.RecordFailureAsync(office, Ct);
        }

        var refused = await throttle.CheckAsync(office, Ct);
        Assert.Equal(Outcome.Forbidden, refused.Outcome);
        Assert.StartsWith("Quá nhiều lần đăng nhập sai từ địa chỉ này", refused.Message);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Value);
        Assert.True((await throttle.CheckAsync(IPAddress.Parse("203.0.113.8"), Ct)).Succeeded);
        var audited = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.LoginThrottled, Ct);
        Assert.Equal("203.0.113.7", audited.EntityId);

        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True((await throttle.CheckAsync(office, Ct)).Succeeded);
    }

    [Fact]
    public async Task RedisStore_TwoNodes_ShareTheCountAndTheWindowEnds()
    {
        if (TestEnvironment.RedisConnection is not { } redis)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
            return;
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var prefix = $"q11test:{Guid.NewGuid():N}:";
        RedisSignInFailureStore Node() => new(connection, prefix, new MemorySignInFailureStore(TimeProvider.System), NullLogger<RedisSignInFailureStore>.Instance);
        var (first, second) = (Node(), Node());

        Assert.Equal(0, (await first.GetAsync("203.0.113.7", Ct)).Count);
        Assert.Equal(1, (await first.AddAsync("203.0.113.7", TimeSpan.FromMinutes(15), Ct)).Count);
        var added = await second.AddAsync("203.0.113.7", TimeSpan.FromMinutes(15), Ct);
        var read = await first.GetAsync("203.0.113.7", Ct);

        Assert.Equal(2, added.Count);
        Assert.Equal(2, read.Count);
        Assert.InRange(read.ResetsIn, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(0, (await second.GetAsync("203.0.113.8", Ct)).Count);

        await first.AddAsync("198.51.100.1", TimeSpan.FromMilliseconds(200), Ct);
        await Task.Delay(400, Ct);
        Assert.Equal(0, (await second.GetAsync("198.51.100.1", Ct)).Count);
    }

    [Theory]
    [InlineData(true, false, -15, true)]
    [InlineData(true, false, -13, false)]
    [InlineData(true, true, -30, false)]
    [InlineData(false, false, -30, false)]
    [InlineData(true, false, null, false)]
    public void IsSetupDue_RoleEnabledAndFirstSignIn_DecideAfterGraceDays(bool required, bool enabled, int? firstSignInDaysAgo, bool due)
    {
        var now = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        DateTime? first = firstSignInDaysAgo is { } days ? now.AddDays(days) : null;

        Assert.Equal(due, TwoFactorAccounts.IsSetupDue(required, enabled, first, now, graceDays: 14));
    }
}
