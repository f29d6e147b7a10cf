using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>Which query parameters key a public page in the output cache, read from the host's own endpoints: a page
/// added later is covered without editing this test.</summary>
public sealed class PageQueryTests
{
    private static List<(RouteEndpoint Endpoint, ControllerActionDescriptor Action)> PublicPages(PortalAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()!))
            .Where(e => e.Action is not null && PublicPageCache.IsPublicPage(e.Action))
            .ToList();

    [Fact]
    public async Task Keys_AreWhatEachPageReads_NotItsRouteValuesOrServices()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var pages = PublicPages(app);
        string Keys(string controller, string action) =>
            string.Join(",", PageQuery.KeysOf(pages.Single(p => p.Action.ControllerName == controller && p.Action.ActionName == action).Endpoint));

        Assert.True(pages.Count >= 10, $"only {pages.Count} public pages found");
        Assert.Equal("binh-luan,in,trang-binh-luan", Keys("Articles", "Details"));
        Assert.Equal("page", Keys("Categories", "Index"));
        Assert.Equal("page", Keys("Archive", "Day"));
        Assert.Equal("co-quan,loai,nam,page,so", Keys("Documents", "Index"));
        Assert.Equal("", Keys("Home", "Index"));
    }

    /// <summary>A parameter the key leaves out must be one the query cannot set: otherwise two different pages would share
    /// one cached copy. A complex model bound from the query (its properties) is not understood by <see cref="PageQuery"/>
    /// and fails here, rather than in a reader's browser.</summary>
    [Fact]
    public async Task EveryPublicPageParameter_IsInTheKey_OrARouteValueServiceOrToken()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var failures = new List<string>();
        foreach (var (endpoint, action) in PublicPages(app))
        {
            var keys = PageQuery.KeysOf(endpoint).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in action.Parameters)
            {
                var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
                var fine = keys.Contains(name) || routeValues.Contains(name)
                    || parameter.BindingInfo?.BindingSource == BindingSource.Services
                    || parameter.ParameterType == typeof(CancellationToken);
                if (!fine)
                {
                    failures.Add($"{action.DisplayName}: {parameter.ParameterType.Name} {name}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
