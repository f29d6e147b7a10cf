using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Documents;
using Q11Portal.Core.Import;
using Q11Portal.Core.Media;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Schedule;
using Q11Portal.Core.Reports;
using Q11Portal.Core.Search;
using Q11Portal.Core.Sidebar;
using Q11Portal.Core.Tags;
using Q11Portal.Core.Users;
using Q11Portal.Core.Security;

namespace Q11Portal.Core.Data;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Everything Core offers to both the web host and the CLI: data and every feature's services, each
    /// registered by the feature's own <c>AddPortalXxx</c> in its folder.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPortalData(configuration, contentRoot);
        services.AddPortalSecurity(configuration, contentRoot);
        services.AddPortalArticles();
        services.AddPortalCategories();
        services.AddPortalTags();
        services.AddPortalSidebar();
        services.AddPortalAudit();
        services.AddPortalImport();
        services.AddPortalUsers();
        services.AddPortalNewsroom();
        services.AddPortalMedia();
        services.AddPortalReports();
        services.AddPortalSearch();
        services.AddPortalSchedule();
        services.AddPortalSitePages();
        services.AddPortalDocuments();
        return services;
    }
}
