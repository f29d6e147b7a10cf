using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Newsroom;

namespace Q11Portal.Web.Tests.Hardening;

/// <summary>A form field named like a route parameter never replaces the route's value: the write lands where the
/// URL says. Checked for every POST action in the route table, and end to end on two real editors.</summary>
public sealed class RouteIdBindingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPostActionWithRouteParameter_BindsTheRouteValue_NotAConflictingFormField()
    {
        await using var app = await PortalAppFactory.CreateAsync(services: s =>
        {
            s.Configure<MvcOptions>(o => o.Filters.Add(new BindingProbe()));
            s.AddControllersWithViews().AddApplicationPart(typeof(RouteIdProbeController).Assembly);
        });
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var token = await Staff.AntiforgeryTokenAsync(admin, "/admin/categories/create");
        var routes = PostRoute.All(app).Where(r => r.Parameters.Any()).ToList();
        Assert.Contains(routes, r => r.IsAdmin);
        Assert.Contains(routes, r => r.Name == "RouteIdProbe.Save");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            // The action's own parameters are declared from the route, whatever the form says.
            foreach (var parameter in route.Action.Parameters.Where(p => route.Parameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
            {
                if (parameter.BindingInfo?.BindingSource != BindingSource.Path)
                {
                    failures.Add($"{route.Name}: parameter {parameter.Name} is bound from {parameter.BindingInfo?.BindingSource?.Id ?? "any source"}, not the path");
                }
            }

            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            foreach (var name in route.Parameters)
            {
                var conflicting = PostRoute.Conflicting(route.RouteValues[name]);
                fields.Add(new(name, conflicting));
                fields.AddRange(route.Action.Parameters.Where(p => BindingProbe.IsComplex(p.ParameterType)).Select(p => new KeyValuePair<string, string>(p.Name + "." + name, conflicting)));
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, route.Path) { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Add(BindingProbe.Header, "1");
            using var response = await admin.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{route.Name} {route.Path}: {(int)response.StatusCode} instead of the probe's answer");
                continue;
            }

            var bound = JsonSerializer.Deserialize<Dictionary<string, string?>>(body)!;
            var expected = route.Action.Parameters.Where(p => route.Parameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).Select(p => p.Name).ToList();
            failures.AddRange(expected.Where(name => !bound.ContainsKey(name)).Select(name => $"{route.Name}: {name} was not bound from the route"));
            foreach (var (key, value) in bound)
            {
                var name = key.Split('.')[^1];
                if (value != route.RouteValues[name])
                {
                    failures.Add($"{route.Name} {route.Path}: {key} = {value}, the route says {route.RouteValues[name]}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task ComplexInputWithIdProperty_TakesTheRouteId()
    {
        await using var app = await PortalAppFactory.CreateAsync(services: s => s.AddControllersWithViews().AddApplicationPart(typeof(RouteIdProbeController).Assembly));
        var client = Staff.Client(app);
        var token = await Staff.AntiforgeryTokenAsync(client, "/dang-nhap");
        foreach (var prefix in new[] { "", "input." })
        {
            var response = await client.PostAsync("/test/route-id/5", new FormUrlEncodedContent([new(prefix + "Id", "6"), new(prefix + "Name", "x"), new("__RequestVerificationToken", token)]), Ct);
            Assert.Equal("""{"id":5,"name":"x"}""", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task ArticleEdit_WithFormFieldIdOfAnotherArticle_ChangesOnlyTheArticleInTheUrl()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var category = await NewsroomSite.AddCategoryAsync(app);
        var a = await NewsroomSite.CreateAsync(editor, "Bài A", "<p>Nội dung A</p>", category);
        var b = await NewsroomSite.CreateAsync(editor, "Bài B", "<p>Nội dung B</p>", category);

        var fields = NewsroomSite.Form("Bài A đã sửa", "<p>Nội dung A mới</p>", category, "save", await NewsroomSite.VersionAsync(editor, a));
        fields.Add(new("id", b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var response = await Staff.PostFormAsync(editor, $"/admin/articles/{a}/edit", $"/admin/articles/{a}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/articles/{a}/edit", response.Headers.Location?.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var titles = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Articles.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Title, Ct);
        Assert.Equal("Bài A đã sửa", titles[a]);
        Assert.Equal("Bài B", titles[b]);
    }

    [Fact]
    public async Task CategoryEdit_WithFormFieldIdOfAnotherCategory_ChangesOnlyTheCategoryInTheUrl()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var a = await NewsroomSite.AddCategoryAsync(app, "Chuyên mục A");
        var b = await NewsroomSite.AddCategoryAsync(app, "Chuyên mục B");

        var response = await Staff.PostFormAsync(editor, $"/admin/categories/{a}/edit", $"/admin/categories/{a}/edit",
            [new("Name", "Chuyên mục A mới"), new("id", b.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, Ct);
        Assert.Equal("Chuyên mục A mới", names[a]);
        Assert.Equal("Chuyên mục B", names[b]);
    }
}
