using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Q11Portal.Core.Statistics;

public static class StatisticsServiceCollectionExtensions
{
    /// <summary>The configuration key naming a Redis shared by the nodes ("host:port,…").</summary>
    public const string RedisConfigurationKey = "Redis:Configuration";

    /// <summary>Counters (views, visits, online now) and the dashboard queries. With <c>Redis:Configuration</c> set,
    /// de-duplication and "online now" are shared through Redis; otherwise they stay in this process.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CounterOptions>()
            .BindConfiguration(CounterOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => new CrawlerDetector(sp.GetRequiredService<IOptions<CounterOptions>>()));
        services.AddScoped<CounterWriter>();
        services.AddScoped<StatisticsService>();
        // The counter's parts, one job each; ViewCounter is the front the web layer uses.
        services.AddSingleton<CounterHealth>();
        services.AddSingleton<CounterQueue>();
        services.AddSingleton<FallbackVisitorStore>();
        services.AddSingleton<DailySalt>();
        services.AddSingleton<ArticleSlugResolver>();
        services.AddSingleton<PendingCounts>();
        services.AddSingleton<HitDecider>();
        services.AddSingleton<ShownCounts>();
        services.AddSingleton<CounterFlusher>();
        services.AddSingleton<ViewCounter>();
        services.AddHostedService<CounterFlushService>();

        var redis = configuration[RedisConfigurationKey];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IVisitorWindowStore, MemoryVisitorWindowStore>();
        }
        else
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ =>
            {
                var redisOptions = ConfigurationOptions.Parse(redis);
                // Start even while Redis is down; the counter falls back to this node until it is back.
                redisOptions.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(redisOptions);
            });
            services.AddSingleton<IVisitorWindowStore>(sp => new RedisVisitorWindowStore(
                sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOptions<CounterOptions>>()));
        }

        return services;
    }
}
