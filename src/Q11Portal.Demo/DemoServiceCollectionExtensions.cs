using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Demo.Generation;

namespace Q11Portal.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The demo content that fills an empty database (<c>Database:SeedDemo</c>, the CLI's <c>seed-demo</c>)
    /// and the synthetic-news generator (the CLI's <c>generate</c>, the benchmarks).</summary>
    public static IServiceCollection AddPortalDemo(this IServiceCollection services)
    {
        services.AddScoped<IDemoContentSeeder, DemoContentSeeder>();
        services.AddScoped<ArticleGenerator>();
        return services;
    }
}
