using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A public page's render (the output-cached pages, on a cache miss) opens the request's database connection
/// once, before its action, and keeps it until the request's context is disposed: the article page's queries and its
/// view components' (related news, comments) no longer each open and close one. On SQLite that open/close (pool lock,
/// the provider's functions registered again) was about a sixth of an uncached article's server time. Not when the
/// provider retries failed commands (SQL Server): a retry must be free to open a fresh connection. Other pages (errors,
/// the comment token, the newsroom) open connections as their queries need them, so a page that reads nothing never
/// waits for the database.</summary>
public sealed class OneConnectionPerPage : IAsyncResourceFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (PublicPageCache.IsPublicPage(context.ActionDescriptor))
        {
            var database = context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>().Database;
            if (!database.CreateExecutionStrategy().RetriesOnFailure)
            {
                await database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            }
        }

        await next();
    }
}
