using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Statistics;
using StackExchange.Redis;

namespace Q11Portal.Web.Infrastructure;

/// <summary>One fixed window: so many requests per client address per so many seconds.</summary>
public sealed class RateLimitWindow
{
    [Range(1, 1_000_000)] public int Permits { get; set; }
    [Range(1, 86_400)] public int WindowSeconds { get; set; } = 60;
}

public sealed class PortalRateLimitOptions : IValidatableObject
{
    public const string SectionName = "RateLimits";

    public RateLimitWindow Search { get; set; } = new() { Permits = 30 };
    public RateLimitWindow Captcha { get; set; } = new() { Permits = 20 };
    public RateLimitWindow Downloads { get; set; } = new() { Permits = 60 };
    public RateLimitWindow TypeAhead { get; set; } = new() { Permits = 120 };

    [Required] public string RedisKeyPrefix { get; set; } = "q11:ratelimit:";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        new[] { (nameof(Search), Search), (nameof(Captcha), Captcha), (nameof(Downloads), Downloads), (nameof(TypeAhead), TypeAhead) }
            .Where(p => p.Item2.Permits < 1 || p.Item2.WindowSeconds < 1)
            .Select(p => new ValidationResult($"RateLimits:{p.Item1}: Permits and WindowSeconds must be at least 1.", [p.Item1]));

    internal RateLimitWindow For(string policy) => policy switch
    {
        PortalRateLimits.Search => Search,
        PortalRateLimits.Captcha => Captcha,
        PortalRateLimits.Downloads => Downloads,
        _ => TypeAhead,
    };
}

/// <summary>Per-address limits on what is not served from the output cache and costs the server something: search, the
/// ALTCHA challenge, document downloads and type-ahead lists. Partitioned by the salted hash of the client address
/// (after forwarded headers), counted in Redis when it is configured so the limit holds across nodes, and answered with
/// the Vietnamese 429 page and Retry-After. Cached public pages have no limit. A new endpoint joins with
/// <c>[EnableRateLimiting(PortalRateLimits.TypeAhead)]</c> (or another policy name), or through <see cref="Routes"/>.</summary>
public static class PortalRateLimits
{
    public const string Search = "Search";
    public const string Captcha = "Captcha";
    public const string Downloads = "Downloads";
    public const string TypeAhead = "TypeAhead";

    private static readonly string[] Policies = [Search, Captcha, Downloads, TypeAhead];

    /// <summary>Routes (attribute templates, without the leading slash) given a policy here, so controllers that other
    /// features own need no change; an endpoint's own <c>[EnableRateLimiting]</c> wins.</summary>
    private static readonly Dictionary<string, string> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tim-kiem"] = Search,
        ["altcha/challenge"] = Captcha,
        // The comment form's token, fetched when a reader first uses the form on a cached article page.
        ["tin-tuc/{slug}/binh-luan/ma"] = Captcha,
        ["tep-dinh-kem/{id:int}"] = Downloads,
        ["van-ban/tep/{id:int}"] = Downloads,
        ["tim-kiem/goi-y"] = TypeAhead,
        ["admin/tags/suggest"] = TypeAhead,
        ["admin/articles/lookup"] = TypeAhead,
    };

    private static readonly Dictionary<string, string> Names = new()
    {
        [Search] = "tìm kiếm",
        [Captcha] = "lấy mã chống spam",
        [Downloads] = "tải văn bản",
        [TypeAhead] = "gợi ý khi gõ",
    };

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<PortalRateLimitOptions>()
            .BindConfiguration(PortalRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PortalRateLimitOptions>, ClientAddressHasher, IConfiguration, IServiceProvider>((limiter, options, hasher, configuration, sp) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var redis = string.IsNullOrWhiteSpace(configuration[StatisticsServiceCollectionExtensions.RedisConfigurationKey])
                ? null
                : sp.GetService<IConnectionMultiplexer>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalRateLimits));
            foreach (var policy in Policies)
            {
                var window = options.Value.For(policy);
                var length = TimeSpan.FromSeconds(window.WindowSeconds);
                var prefix = options.Value.RedisKeyPrefix + policy.ToLowerInvariant() + ":";
                FixedWindowRateLimiter OnThisNode() => new(new FixedWindowRateLimiterOptions { PermitLimit = window.Permits, Window = length, QueueLimit = 0 });
                limiter.AddPolicy(policy, http =>
                {
                    var client = hasher.Hash(http.Connection.RemoteIpAddress?.ToString());
                    return redis is null
                        ? RateLimitPartition.Get(client, _ => OnThisNode())
                        : RateLimitPartition.Get(client, c => new RedisFixedWindowLimiter(redis, prefix + c, window.Permits, length, OnThisNode(), logger, policy));
                });
            }

            var previous = limiter.OnRejected;
            limiter.OnRejected = async (context, ct) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                if (policy is not null && Names.ContainsKey(policy))
                {
                    Reject(context, policy, options.Value.For(policy), hasher, logger);
                }
                else if (previous is not null)
                {
                    await previous(context, ct);
                }
            };
        });
        return services;
    }

    /// <summary>Gives the routes of <see cref="Routes"/> their policy (endpoint metadata, read by the rate limiter).</summary>
    public static TBuilder WithPortalRateLimits<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route
                && Routes.TryGetValue(route.RoutePattern.RawText?.TrimStart('/') ?? string.Empty, out var policy)
                && !endpoint.Metadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(policy));
            }
        });
        return builder;
    }

    /// <summary>The Vietnamese 429 page (rendered by the status-code pages) with Retry-After.</summary>
    private static void Reject(OnRejectedContext context, string policy, RateLimitWindow window, ClientAddressHasher hasher, ILogger logger)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(window.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        logger.LogWarning("Rate limit {Policy} reached by client {ClientHash} on {Path}", policy, hasher.Hash(http.Connection.RemoteIpAddress?.ToString()), http.Request.Path.Value);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var wait = seconds < 120 ? $"{seconds} giây" : $"{(seconds + 59) / 60} phút";
        http.Items[ErrorDetail.Key] =
            $"Mỗi địa chỉ chỉ được {Names[policy]} tối đa {window.Permits} lần trong {Duration(window.WindowSeconds)}. Vui lòng thử lại sau khoảng {wait}.";
    }

    private static string Duration(int seconds) => seconds % 60 == 0 ? $"{seconds / 60} phút" : $"{seconds} giây";
}
