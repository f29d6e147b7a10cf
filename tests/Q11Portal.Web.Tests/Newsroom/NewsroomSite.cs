using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>Helpers that drive the admin article editor over HTTP the way the browser form does.</summary>
internal static partial class NewsroomSite
{
    public static async Task<int> AddCategoryAsync(PortalAppFactory app, string name = "Tin hoạt động")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = new Category { Name = name, Slug = Core.Common.Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6] };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }

    public static List<KeyValuePair<string, string>> Form(string title, string body, int categoryId, string? command = null,
        string? version = null, string? tags = null, string? summary = "Sapo của bài viết.", string? publishAtLocal = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Title", title),
            new("Summary", summary ?? string.Empty),
            new("BodyHtml", body),
            new("CategoryId", categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Byline", "Minh Anh"),
            new("Source", "Ban Tuyên giáo Quận ủy"),
            new("Tags", tags ?? string.Empty),
        };
        if (command is not null)
        {
            fields.Add(new("command", command));
        }

        if (version is not null)
        {
            fields.Add(new("Version", version));
        }

        if (publishAtLocal is not null)
        {
            fields.Add(new("PublishAtLocal", publishAtLocal));
        }

        return fields;
    }

    /// <summary>Creates an article through the "Viết bài mới" form; returns its id.</summary>
    public static async Task<int> CreateAsync(HttpClient client, string title, string body, int categoryId, string command = "save", string? tags = null)
    {
        var response = await Staff.PostFormAsync(client, "/admin/articles/create", "/admin/articles/create", Form(title, body, categoryId, command, tags: tags));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return IdFrom(response);
    }

    public static int IdFrom(HttpResponseMessage response) =>
        int.Parse(EditLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The version the edit form carries (what a person's next save is based on).</summary>
    public static string VersionIn(string html) => VersionField().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("No Version field in the page.");

    public static async Task<string> VersionAsync(HttpClient client, int id) => VersionIn(await client.GetStringAsync($"/admin/articles/{id}/edit"));

    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, string title, string body, int categoryId, string command = "save",
        string? version = null, string? tags = null, string? publishAtLocal = null)
    {
        version ??= await VersionAsync(client, id);
        return await Staff.PostFormAsync(client, $"/admin/articles/{id}/edit", $"/admin/articles/{id}/edit",
            Form(title, body, categoryId, command, version, tags, publishAtLocal: publishAtLocal));
    }

    public static async Task<HttpResponseMessage> TransitionAsync(HttpClient client, int id, string action, string? reason = null, string? version = null)
    {
        version ??= await VersionAsync(client, id);
        var fields = new List<KeyValuePair<string, string>> { new("action", action), new("version", version) };
        if (reason is not null)
        {
            fields.Add(new("reason", reason));
        }

        return await Staff.PostFormAsync(client, $"/admin/articles/{id}/edit", $"/admin/articles/{id}/transition", fields);
    }

    [GeneratedRegex(@"/admin/articles/(\d+)/edit")]
    private static partial Regex EditLocation();

    [GeneratedRegex("name=\"Version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionField();
}
