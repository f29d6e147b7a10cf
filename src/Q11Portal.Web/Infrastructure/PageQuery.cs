using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Query parameters a public page reads outside its action's own parameters (a view component's), declared on
/// the action so that they key the page apart in the output cache (<see cref="PageQuery"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PageQueryAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}

/// <summary>The query parameters that select what a public page shows: its action's parameters bound from the query
/// (<c>page</c>, <c>[FromQuery(Name = "in")]</c>…) and those declared with <see cref="PageQueryAttribute"/>. Only these
/// key a page apart in the output cache and in its stale copies; every other parameter names the same page. So a link
/// shared from Facebook or Zalo (<c>fbclid</c>, <c>zarsrc</c>, <c>gidzl</c>, <c>utm_*</c>, and whatever such sites
/// add next) hits the cache, and a scanner or a cache-buster adding random parameters cannot make the portal render
/// the same page again and again, nor fill its memory with copies of it.</summary>
public static class PageQuery
{
    private static readonly ConditionalWeakTable<Endpoint, string[]> KeysByEndpoint = new();

    /// <summary>The content parameters of <paramref name="endpoint"/>, sorted; none for an endpoint that is not an action.</summary>
    public static IReadOnlyList<string> KeysOf(Endpoint? endpoint) =>
        endpoint is null ? [] : KeysByEndpoint.GetValue(endpoint, Discover);

    private static readonly object ContentQueryItem = new();

    /// <summary>The request's content parameters with their values, in a stable order ("" when none is given): two
    /// requests with the same value here get the same page. Worked out once per request (the stale copies' key and
    /// the cache key both need it).</summary>
    public static string ContentQuery(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.Count == 0)
        {
            return string.Empty;
        }

        // Kept with its endpoint: a request re-executed for an error page has another one.
        var endpoint = context.GetEndpoint();
        if (context.Items.TryGetValue(ContentQueryItem, out var known) && known is KnownContentQuery k && ReferenceEquals(k.Endpoint, endpoint))
        {
            return k.Value;
        }

        var contentQuery = Build(query, KeysOf(endpoint));
        context.Items[ContentQueryItem] = new KnownContentQuery(endpoint, contentQuery);
        return contentQuery;
    }

    private sealed record KnownContentQuery(Endpoint? Endpoint, string Value);

    private static string Build(IQueryCollection query, IReadOnlyList<string> keys)
    {
        var kept = new List<string>();
        foreach (var key in keys)
        {
            // Query names are matched without regard to case, as model binding reads them.
            if (query.TryGetValue(key, out var values))
            {
                kept.Add(key + "=" + string.Join(",", values.Select(v => Uri.EscapeDataString(v ?? string.Empty))));
            }
        }

        return string.Join("&", kept);
    }

    private static string[] Discover(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is not { } action)
        {
            return [];
        }

        var routeValues = endpoint is RouteEndpoint route
            ? route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var bound = action.Parameters
            .Where(p => ReadsQuery(p, routeValues))
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name);
        var declared = endpoint.Metadata.GetOrderedMetadata<PageQueryAttribute>().SelectMany(a => a.Names);
        return [.. bound.Concat(declared).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>A parameter the query can set: bound from the query by attribute, or a simple value bound by name that
    /// no route value supplies (<c>int page = 1</c>). Services, the cancellation token, bodies and headers are not.</summary>
    private static bool ReadsQuery(ParameterDescriptor parameter, HashSet<string> routeValues)
    {
        var source = parameter.BindingInfo?.BindingSource;
        if (source == BindingSource.Query)
        {
            return true;
        }

        var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
        return (source is null || source == BindingSource.ModelBinding)
            && !routeValues.Contains(name)
            && IsSimple(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType);
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly)
        || type == typeof(DateTime) || type == typeof(Guid);
}
