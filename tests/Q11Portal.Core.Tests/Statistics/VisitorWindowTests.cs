using Microsoft.Extensions.Options;
using Q11Portal.Core.Statistics;

namespace Q11Portal.Core.Tests.Statistics;

/// <summary>The window rules, decided by the in-memory store (the Redis store implements the same rules with
/// atomic commands and is covered by the two-node web test).</summary>
public sealed class VisitorWindowTests
{
    private static readonly DateTime Start = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    private static MemoryVisitorWindowStore Store(TimeSpan? viewWindow = null) =>
        new(Options.Create(new CounterOptions { ViewWindow = viewWindow ?? TimeSpan.FromMinutes(30) }));

    private static HitOutcome Hit(MemoryVisitorWindowStore store, string visitor, int? article, DateTime at, string? issued = null) =>
        store.ProcessAsync([new ResolvedHit(visitor, issued, article, at)], "test", TestContext.Current.CancellationToken).Result[0];

    [Fact]
    public void View_SameVisitorWithinWindow_CountsOnce()
    {
        var store = Store();

        Assert.True(Hit(store, "a", 1, Start).NewView);
        Assert.False(Hit(store, "a", 1, Start.AddMinutes(10)).NewView);
        Assert.False(Hit(store, "a", 1, Start.AddMinutes(29).AddSeconds(59)).NewView);
        Assert.True(Hit(store, "a", 1, Start.AddMinutes(30)).NewView);
    }

    [Fact]
    public void View_WindowCountsFromTheCountedView_NotFromTheLastRequest()
    {
        var store = Store();
        Hit(store, "a", 1, Start);
        Hit(store, "a", 1, Start.AddMinutes(25));

        Assert.True(Hit(store, "a", 1, Start.AddMinutes(31)).NewView);
    }

    [Fact]
    public void View_ConfiguredWindow_IsUsed()
    {
        var store = Store(TimeSpan.FromMinutes(10));
        Hit(store, "a", 1, Start);

        Assert.False(Hit(store, "a", 1, Start.AddMinutes(9)).NewView);
        Assert.True(Hit(store, "a", 1, Start.AddMinutes(10)).NewView);
    }

    [Fact]
    public void View_OtherArticleOrOtherVisitor_CountsSeparately()
    {
        var store = Store();
        Hit(store, "a", 1, Start);

        Assert.True(Hit(store, "a", 2, Start.AddMinutes(1)).NewView);
        Assert.True(Hit(store, "b", 1, Start.AddMinutes(1)).NewView);
    }

    [Fact]
    public void Visit_EndsAfterThirtyMinutesOfInactivity()
    {
        var store = Store();

        Assert.True(Hit(store, "a", null, Start).NewVisit);
        Assert.False(Hit(store, "a", null, Start.AddMinutes(20)).NewVisit);
        Assert.False(Hit(store, "a", null, Start.AddMinutes(45)).NewVisit); // 25 min after the last page
        Assert.True(Hit(store, "a", null, Start.AddMinutes(76)).NewVisit);
    }

    [Fact]
    public void IssuedCookie_InheritsTheWindows_SoTheNextRequestWithItIsNotCountedAgain()
    {
        var store = Store();

        var first = Hit(store, "h:fingerprint", 7, Start, issued: "cookie-id-0000000000000");
        var second = Hit(store, "cookie-id-0000000000000", 7, Start.AddSeconds(5));

        Assert.Equal(new HitOutcome(NewVisit: true, NewView: true), first);
        Assert.Equal(new HitOutcome(NewVisit: false, NewView: false), second);
    }

    [Fact]
    public void CookieRefusingBrowser_IsRecognisedByItsHash()
    {
        var store = Store();

        Assert.True(Hit(store, "h:same", 7, Start, issued: "c1").NewView);
        Assert.False(Hit(store, "h:same", 7, Start.AddMinutes(1), issued: "c2").NewView);
        Assert.False(Hit(store, "h:same", 7, Start.AddMinutes(2), issued: "c3").NewVisit);
    }

    [Fact]
    public async Task Online_CountsVisitorsOfTheLastFiveMinutes()
    {
        var store = Store();
        Hit(store, "a", null, Start);
        Hit(store, "b", null, Start.AddMinutes(2));
        Hit(store, "b", 1, Start.AddMinutes(3));
        Hit(store, "c", null, Start.AddMinutes(4));
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(3, await store.CountOnlineAsync(Start.AddMinutes(4), ct));
        Assert.Equal(2, await store.CountOnlineAsync(Start.AddMinutes(5).AddSeconds(30), ct));
        Assert.Equal(1, await store.CountOnlineAsync(Start.AddMinutes(8).AddSeconds(30), ct));
        Assert.Equal(0, await store.CountOnlineAsync(Start.AddMinutes(10), ct));
    }

    [Fact]
    public async Task NewBrowser_IsOnlineOnce_BeforeAndAfterItGetsItsCookie()
    {
        var store = Store();
        Hit(store, "h:fp", null, Start, issued: "cookie");
        Hit(store, "cookie", null, Start.AddMinutes(1));

        Assert.Equal(1, await store.CountOnlineAsync(Start.AddMinutes(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Fingerprint_DependsOnSaltAddressAndAgent_AndHidesTheAddress()
    {
        var ip = System.Net.IPAddress.Parse("203.113.131.7");
        var a = VisitorKeys.Fingerprint("salt-1", ip, "UA");

        Assert.Equal(a, VisitorKeys.Fingerprint("salt-1", ip, "UA"));
        Assert.NotEqual(a, VisitorKeys.Fingerprint("salt-2", ip, "UA"));
        Assert.NotEqual(a, VisitorKeys.Fingerprint("salt-1", System.Net.IPAddress.Parse("203.113.131.8"), "UA"));
        Assert.NotEqual(a, VisitorKeys.Fingerprint("salt-1", ip, "UA2"));
        Assert.DoesNotContain("203", a);
        Assert.StartsWith("h:", a);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", true)]
    [InlineData("abc-_DEF0123456789xyzQ", true)]
    [InlineData("short", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA=", false)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA<", false)]
    [InlineData(null, false)]
    public void IsValidCookieId_OnlyOurShape(string? value, bool expected) =>
        Assert.Equal(expected, VisitorKeys.IsValidCookieId(value));

    [Fact]
    public void NewCookieId_IsValidAndRandom()
    {
        var a = VisitorKeys.NewCookieId();
        Assert.True(VisitorKeys.IsValidCookieId(a));
        Assert.NotEqual(a, VisitorKeys.NewCookieId());
    }
}
