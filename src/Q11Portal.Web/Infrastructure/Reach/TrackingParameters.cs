namespace Q11Portal.Web.Infrastructure.Reach;

/// <summary>Query parameters that share sites, ad networks and newsletters append to a link (Facebook's <c>fbclid</c>,
/// Zalo's <c>zarsrc</c>, <c>utm_*</c>…). They never change what a page shows, so they are left out of the output
/// cache key (a shared link hits the cache) and, with everything else that does not select content, out of canonical
/// links (<see cref="PublicUrls.Canonical"/>).</summary>
public static class TrackingParameters
{
    private static readonly string[] Prefixes = ["utm_", "zarsrc", "_hs", "mtm_", "pk_", "itm_"];

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gbraid", "wbraid", "dclid", "gclsrc", "msclkid", "twclid", "ttclid", "li_fat_id",
        "igshid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "zalo_source", "zl_source", "spm",
    };

    public static bool IsTracking(string name) =>
        Names.Contains(name) || Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>The query without tracking parameters, in a stable order ("" when nothing is left), so two links that
    /// differ only in them or in parameter order name the same page.</summary>
    public static string ContentQuery(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return string.Empty;
        }

        var kept = query.Where(p => !IsTracking(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + string.Join(",", p.Value.Select(v => Uri.EscapeDataString(v ?? string.Empty))));
        return string.Join("&", kept);
    }
}
