using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Data;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.SiteAdmin;

internal static class SiteAdminTestSupport
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, params (string Key, string Value)[] fields) =>
        Staff.PostFormAsync(client, formPage, action, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The validation summary's text (the Vietnamese error a form shows).</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.QuerySelector(".form-errors")?.TextContent.Trim() ?? string.Empty;
    }

    public static async Task<T> WithDbAsync<T>(PortalAppFactory app, Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<List<AuditEntry>> AuditAsync(PortalAppFactory app, string actionPrefix) =>
        WithDbAsync(app, db => db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith(actionPrefix)).OrderBy(e => e.Id).ToListAsync(Ct));
}
