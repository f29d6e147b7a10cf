using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Hardening;

/// <summary>Every POST action of the host, read from its endpoint data source (so a new action is covered without
/// editing a test), with a URL whose route parameters are filled.</summary>
internal sealed record PostRoute(RouteEndpoint Endpoint, ControllerActionDescriptor Action, string Path, IReadOnlyDictionary<string, string> RouteValues)
{
    private static readonly HashSet<string> Reserved = new(["area", "controller", "action", "page", "handler"], StringComparer.OrdinalIgnoreCase);

    public string Name => Action.ControllerName + "." + Action.ActionName;

    public bool IsAdmin => Action.RouteValues.TryGetValue("area", out var area) && string.Equals(area, "Admin", StringComparison.OrdinalIgnoreCase);

    public static List<PostRoute> All(PortalAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .Select(e => Fill(e.Endpoint, e.Action!, "7", "route-value"))
            .ToList();

    /// <summary>The route's parameters filled: ints with <paramref name="number"/>, others with <paramref name="text"/>.</summary>
    public static PostRoute Fill(RouteEndpoint endpoint, ControllerActionDescriptor action, string number, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = new List<string>();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            var part = string.Concat(segment.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => values[parameter.Name] = IsNumber(endpoint, parameter.Name) ? number : text,
                _ => string.Empty,
            }));
            segments.Add(part);
        }

        return new PostRoute(endpoint, action, "/" + string.Join('/', segments.Where(s => s.Length > 0)), values);
    }

    /// <summary>Route parameters that MVC does not fill itself (area, controller, action).</summary>
    public IEnumerable<string> Parameters => RouteValues.Keys.Where(k => !Reserved.Contains(k));

    private static bool IsNumber(RouteEndpoint endpoint, string name) =>
        endpoint.RoutePattern.ParameterPolicies.TryGetValue(name, out var policies)
        && policies.Any(p => p.Content is "int" or "long");

    public static string Conflicting(string routeValue) =>
        int.TryParse(routeValue, CultureInfo.InvariantCulture, out var n) ? (n + 2).ToString(CultureInfo.InvariantCulture) : "form-value";
}
