using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Q11Portal.Web.Infrastructure.Metrics;

/// <summary>The Prometheus scraping endpoint: off unless asked for, and then answered only to the listed addresses
/// (everyone else gets the ordinary 404 page, so its existence is not advertised).</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string SectionName = "Metrics";

    public bool Enabled { get; set; }

    [RegularExpression("^/[a-z0-9/_-]*$")]
    public string Path { get; set; } = "/metrics";

    /// <summary>Addresses (<c>10.0.0.7</c>) or networks (<c>10.0.0.0/24</c>) allowed to scrape, compared with the
    /// client's address after the forwarded headers of known proxies. Empty: this machine only (loopback).</summary>
    public string[] AllowedNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowedNetworks.Where(e => Parse(e) is null))
        {
            yield return new ValidationResult($"Metrics:AllowedNetworks: '{entry}' is neither an IP address nor a network in CIDR form (10.0.0.0/24).", [nameof(AllowedNetworks)]);
        }
    }

    internal IReadOnlyList<IPNetwork> Networks() => AllowedNetworks.Length == 0
        ? [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]
        : AllowedNetworks.Select(e => Parse(e)!.Value).ToList();

    private static IPNetwork? Parse(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : null;
}
