using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

/// <summary>Walks every action of the Admin area (discovered at run time, so new controllers are covered without
/// editing this file) as anonymous, Reporter, Editor and Admin, and checks the result against the role table.</summary>
public sealed class AdminRouteAuthorizationTests
{
    /// <summary>The least role each admin action needs, as "Controller.Action" or "Controller.*".
    /// A new admin controller must be added here: the test fails until it is, so nobody ships an admin page
    /// with a role nobody decided on.</summary>
    private static readonly Dictionary<string, string> RoleTable = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dashboard.*"] = Roles.Reporter,
        ["Profile.*"] = Roles.Reporter,
        ["TwoFactor.*"] = Roles.Reporter,
        ["Users.*"] = Roles.Admin,
        ["Users.ResetTwoFactor"] = Roles.Admin,
        ["Media.*"] = Roles.Reporter,
        ["Media.Edit"] = Roles.Editor,
        ["Media.Delete"] = Roles.Editor,
        ["ArticleAttachments.*"] = Roles.Reporter,
        ["Reports.*"] = Roles.Reporter,
        ["Topics.*"] = Roles.Editor,
        ["Documents.*"] = Roles.Editor,
        ["Comments.*"] = Roles.Admin,
        ["Audit.Index"] = Roles.Admin,
        // The newsroom, action by action: any staff member writes; what they may do to a given article is the
        // workflow's decision (ArticleWorkflowTests, NewsroomWorkflowTests); history and restore are for editors.
        ["Articles.Index"] = Roles.Reporter,
        ["Articles.Create"] = Roles.Reporter,
        ["Articles.Edit"] = Roles.Reporter,
        ["Articles.Transition"] = Roles.Reporter,
        ["Articles.Delete"] = Roles.Reporter,
        ["Articles.Preview"] = Roles.Reporter,
        ["Articles.SuggestTags"] = Roles.Reporter,
        ["ArticleRevisions.Revisions"] = Roles.Editor,
        ["ArticleRevisions.Diff"] = Roles.Editor,
        ["ArticleRevisions.Restore"] = Roles.Editor,
        // Thùng rác: editors list and restore, only admins purge; the pinning type-ahead is an editor's.
        ["ArticleTrash.Index"] = Roles.Editor,
        ["ArticleTrash.Restore"] = Roles.Editor,
        ["ArticleTrash.Purge"] = Roles.Admin,
        ["ArticleTrash.EmptyTrash"] = Roles.Admin,
        ["ArticleLookup.Lookup"] = Roles.Editor,
        ["Categories.*"] = Roles.Editor,
        ["Tags.*"] = Roles.Editor,
        ["Sidebar.*"] = Roles.Editor,
        // Lịch công tác is drafted and published by editors; site pages and residents' letters are for admins.
        ["Schedule.*"] = Roles.Editor,
        ["SitePages.*"] = Roles.Admin,
        ["Letters.*"] = Roles.Admin,
    };

    private sealed record AdminRoute(string Name, string Method, string Path, string? DeclaredRole);

    [Fact]
    public async Task EveryAdminRoute_AnonymousRedirectsToLogin_AndEachRoleIsAllowedOrForbiddenPerTable()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var routes = DiscoverRoutes(app);
        Assert.NotEmpty(routes);

        var missing = routes.Where(r => ExpectedRole(r.Name) is null).Select(r => r.Name).Distinct().ToList();
        Assert.True(missing.Count == 0, "Admin actions missing from the role table: " + string.Join(", ", missing));

        // The attributes on the controllers and actions must say what the table says.
        var mismatched = routes.Where(r => r.DeclaredRole != ExpectedRole(r.Name))
            .Select(r => $"{r.Name}: attributes give {r.DeclaredRole ?? "anonymous"}, table says {ExpectedRole(r.Name)}").ToList();
        Assert.True(mismatched.Count == 0, string.Join("\n", mismatched));

        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = Staff.Client(app),
            [Roles.Reporter] = await Staff.SignedInAsync(app, Roles.Reporter),
            [Roles.Editor] = await Staff.SignedInAsync(app, Roles.Editor),
            [Roles.Admin] = await Staff.SignedInAsync(app, Roles.Admin),
        };

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var expected = ExpectedRole(route.Name)!;
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
                if (route.Method != "GET")
                {
                    request.Content = new FormUrlEncodedContent([]);
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? string.Empty;
                var toLogin = status == 302 && location.Contains("/dang-nhap?returnUrl=", StringComparison.Ordinal);
                string? problem;
                if (status >= 500)
                {
                    problem = "server error";
                }
                else if (who == "anonymous")
                {
                    problem = toLogin ? null : "anonymous was not sent to the login page";
                }
                else if (Roles.Rank(who) >= Roles.Rank(expected))
                {
                    problem = status is 401 or 403 || toLogin ? "allowed role was refused" : null;
                }
                else
                {
                    problem = status == 403 ? null : "role below the table was not refused with 403";
                }

                if (problem is not null)
                {
                    failures.Add($"{route.Method} {route.Path} ({route.Name}) as {who}: {status} {location} — {problem}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? ExpectedRole(string name) =>
        RoleTable.TryGetValue(name, out var role) ? role
        : RoleTable.TryGetValue(name.Split('.')[0] + ".*", out var controllerRole) ? controllerRole
        : null;

    private static List<AdminRoute> DiscoverRoutes(PortalAppFactory app)
    {
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => string.Equals((a.RouteValues.TryGetValue("area", out var area) ? area : null), "Admin", StringComparison.OrdinalIgnoreCase));
        var links = app.Services.GetRequiredService<LinkGenerator>();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var routes = new List<AdminRoute>();
        foreach (var action in actions)
        {
            var methods = action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToList() is { Count: > 0 } m ? m : ["GET"];
            var path = action.AttributeRouteInfo?.Template is { } template
                ? "/" + FillTemplate(template)
                : links.GetPathByAction(action.ActionName, action.ControllerName, new { area = "Admin", id = 1 })
                  ?? throw new InvalidOperationException("No URL for " + action.DisplayName);
            var name = action.ControllerName + "." + action.ActionName;
            var declared = DeclaredRole(action, policies);
            routes.AddRange(methods.Select(method => new AdminRoute(name, method, path, declared)));
        }

        return routes;
    }

    /// <summary>The least role the [Authorize]/[AllowAnonymous] attributes admit (policies combine with AND).</summary>
    private static string? DeclaredRole(ControllerActionDescriptor action, IAuthorizationPolicyProvider provider)
    {
        var metadata = action.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var data = metadata.OfType<IAuthorizeData>().ToList();
        if (data.Count == 0)
        {
            return null;
        }

        var policy = AuthorizationPolicy.CombineAsync(provider, data).GetAwaiter().GetResult()!;
        var roleSets = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .Select(r => r.AllowedRoles.ToHashSet()).ToList();
        // The least role that satisfies every role requirement.
        return Roles.All.FirstOrDefault(role => roleSets.All(set => set.Contains(role)));
    }

    private static string FillTemplate(string template)
    {
        var parts = template.Split('/').Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            var name = segment.Trim('{', '}', '?', '*').Split(':', '=')[0];
            return name.Equals("id", StringComparison.OrdinalIgnoreCase) || segment.Contains(":int", StringComparison.Ordinal) ? "1" : "x";
        });
        return string.Join('/', parts);
    }
}
