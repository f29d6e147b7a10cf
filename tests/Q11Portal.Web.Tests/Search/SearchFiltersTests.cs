using System.Net;
using System.Text.Json;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Search;

/// <summary>The search page's sort, filters and "Có phải bạn muốn tìm" link, and the header box's type-ahead endpoint,
/// on SQLite and PostgreSQL.</summary>
public sealed class SearchFiltersTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_SortNewestAndFilters_OrderAndNarrowTheResults_InShareableUrls(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var client = app.CreateClient();
        await SearchPageTests.SeedAsync(app.Services,
        [
            .. SearchPageTests.Sample,
            ("Quận 11 ra mắt sân chơi thiếu nhi", "Sân chơi mới cho thiếu nhi Quận 11.", "Quận 11 khánh thành sân chơi.", "Văn hóa - Xã hội", 1),
        ]);

        var relevance = await client.GetStringAsync("/tim-kiem?q=qu%E1%BA%ADn+11", Ct);
        var newest = await client.GetStringAsync("/tim-kiem?q=qu%E1%BA%ADn+11&sap-xep=moi-nhat", Ct);
        var filtered = await client.GetStringAsync(
            $"/tim-kiem?q=qu%E1%BA%ADn+11&chuyen-muc=van-hoa-xa-hoi&tu-ngay={LocalTime.LocalDay(DateTime.UtcNow.AddDays(-20)):yyyy-MM-dd}&sap-xep=moi-nhat", Ct);

        // Newest first: 1, 3 and 40 days old; by relevance the story that names "Quận 11" in its title and body leads.
        Assert.True(Position(newest, "sân chơi thiếu nhi") < Position(newest, "phong cách Hồ Chí Minh") &&
            Position(newest, "phong cách Hồ Chí Minh") < Position(newest, "Khai mạc hội thao"), newest);
        Assert.Contains("<option value=\"moi-nhat\" selected=\"selected\">Mới nhất</option>", newest);
        Assert.Contains("<span aria-current=\"true\">Mới nhất</span>", newest);
        Assert.Contains("<span aria-current=\"true\">Phù hợp nhất</span>", relevance);
        Assert.Contains("href=\"/tim-kiem?q=qu%E1%BA%ADn%2011&amp;sap-xep=moi-nhat\"", relevance);
        Assert.Contains("sân chơi thiếu nhi", filtered);
        Assert.DoesNotContain("Khai mạc hội thao", filtered);
        Assert.DoesNotContain("phong cách Hồ Chí Minh</", filtered);
        Assert.Contains("Tìm thấy <strong>1</strong> kết quả", filtered);
    }

    [Theory]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&sap-xep=cu-nhat", "Cách sắp xếp không hợp lệ")]
    [InlineData("/tim-kiem?q=s%E1%BB%91t&tu-ngay=2024-13-01", "“Từ ngày” không hợp lệ")]
    public async Task Search_BadSortOrDate_GivesAVietnameseMessage_Not500(string url, string message)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();
        await SearchPageTests.SeedAsync(app.Services, SearchPageTests.Sample);

        var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Search_MistypedWord_OffersTheCorrectedQueryAsALink_KeepingTheFilters(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var client = app.CreateClient();
        await SearchPageTests.SeedAsync(app.Services, SearchPageTests.Sample);

        var typo = await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("sốt xuất huyếtt") + "&chuyen-muc=y-te-suc-khoe", Ct);
        var clean = await client.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("sốt xuất huyết"), Ct);

        Assert.Contains("Có phải bạn muốn tìm: <a href=\"/tim-kiem?q=s%E1%BB%91t%20xu%E1%BA%A5t%20huy%E1%BA%BFt&amp;chuyen-muc=y-te-suc-khoe\">sốt xuất huyết</a>", typo);
        Assert.Contains("Phường 5 ra quân phòng, chống", typo);
        Assert.DoesNotContain("Có phải bạn muốn tìm", clean);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Suggest_TypedStartOfATitle_ListsMatchingPublicTitles(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var client = app.CreateClient();
        await SearchPageTests.SeedAsync(app.Services, SearchPageTests.Sample);

        var accented = await SuggestAsync(client, "khai m");
        var unaccented = await SuggestAsync(client, "hoi tha");
        var tooShort = await SuggestAsync(client, "k");
        var nothing = await SuggestAsync(client, "xyzzy qu");

        var (title, url) = Assert.Single(accented);
        Assert.Equal("Khai mạc hội thao truyền thống Quận 11", title);
        Assert.Equal("/tin-tuc/khai-mac-hoi-thao-truyen-thong-quan-11", url);
        Assert.Equal(title, Assert.Single(unaccented).Title);
        Assert.Empty(tooShort);
        Assert.Empty(nothing);
    }

    private static async Task<List<(string Title, string Url)>> SuggestAsync(HttpClient client, string typed)
    {
        var response = await client.GetAsync("/tim-kiem/goi-y?q=" + Uri.EscapeDataString(typed), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.EnumerateArray().Select(e => (e.GetProperty("title").GetString()!, e.GetProperty("url").GetString()!)).ToList();
    }

    private static int Position(string html, string text)
    {
        var at = html.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"“{text}” is not on the page.");
        return at;
    }
}
