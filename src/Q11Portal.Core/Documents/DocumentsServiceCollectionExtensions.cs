using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Common;
using Q11Portal.Core.Articles.Rendering;

namespace Q11Portal.Core.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>The documents library, its editor, the articles naming a document and the automatic links in bodies.</summary>
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentFileStore>();
        services.AddSingleton<DocumentLinkTargetsCache>();
        services.AddSingleton<IPublicContentCache>(sp => sp.GetRequiredService<DocumentLinkTargetsCache>());
        services.AddScoped<DocumentLibrary>();
        services.AddScoped<DocumentEditor>();
        services.AddScoped<DocumentMentions>();
        services.AddScoped<IArticleBodyTransform, DocumentLinkTransform>();
        return services;
    }
}
