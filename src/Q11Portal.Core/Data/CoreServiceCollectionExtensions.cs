using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Demo;
using Q11Portal.Core.Users;
using Q11Portal.Core.Media;
using Q11Portal.Core.Reports;
using Q11Portal.Core.Search;
using Q11Portal.Core.Security;

namespace Q11Portal.Core.Data;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Everything Core offers to both the web host and the CLI: data, the sanitizer, the article services.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPortalData(configuration, contentRoot);
        services.AddPortalSecurity(configuration, contentRoot);
        services.AddSingleton<ArticleHtmlSanitizer>();
        services.AddScoped<DemoContentSeeder>();
        services.AddScoped<ArticleService>();
        services.AddScoped<ArticleSlugs>();
        services.AddScoped<Categories.CategoryService>();
        services.AddScoped<Sidebar.SidebarService>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Audit.AuditQuery>();
        services.AddScoped<Import.ArticleImporter>();
        services.AddScoped<Generation.ArticleGenerator>();
        services.AddPortalUsers();
        services.AddPortalNewsroom();
        services.AddPortalMedia();
        services.AddPortalReports();
        services.AddPortalSiteAdministration();
        services.AddPortalSearch();
        return services;
    }
}
