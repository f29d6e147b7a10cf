using System.Net;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

/// <summary>A page number from the query string is the client's: a huge one is clamped to the last page by every admin
/// list, and an unusable one is a 400 or the first page; never a 500 from an overflowing row offset.</summary>
public sealed class AdminListPagingTests
{
    private static readonly string[] Lists = ["/admin/articles", "/admin/media", "/admin/media/list.json", "/admin/tags", "/admin/comments", "/admin/audit"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2147483647", true)]
    [InlineData("2147483646", true)]
    [InlineData("1073741824", true)]
    [InlineData("-2147483648", false)]
    [InlineData("99999999999", false)]
    [InlineData("1e9", false)]
    public async Task AdminLists_HugeOrInvalidPageNumber_AreNeverAServerError(string page, bool clamped)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var admin = await Staff.SignedInAsync(app, Roles.Admin);

        foreach (var list in Lists)
        {
            var response = await admin.GetAsync($"{list}?page={page}", Ct);
            var expected = clamped ? response.StatusCode == HttpStatusCode.OK : response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest;
            Assert.True(expected, $"{list}?page={page}: {(int)response.StatusCode}");
        }
    }
}
