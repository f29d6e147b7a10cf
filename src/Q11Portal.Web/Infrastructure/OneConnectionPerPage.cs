using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A public page's render (the output-cached pages, on a cache miss) runs on one database connection, opened
/// before its action and kept until its view is rendered: the article page's queries and its view components' (related
/// news, comments) no longer each open and close one. On SQLite that open/close (pool lock, the provider's functions
/// registered again) was about a sixth of an uncached article's server time, and compiling each query's SQL again
/// about a third: there the render borrows a connection that stays open and keeps its queries prepared
/// (<see cref="KeptOpenSqliteConnections"/>). Not when the provider retries failed commands (SQL Server): a retry must
/// be free to open a fresh connection. Other pages (errors, the comment token, the newsroom) open connections as their
/// queries need them, so a page that reads nothing never waits for the database.</summary>
/// <remarks>The connection is held for the action and its result (a resource filter wraps both), and let go in the
/// filter itself: the context is pooled (<c>AddDbContextPool</c>), so nothing may touch it after the request's scope
/// has given it back.</remarks>
public sealed class OneConnectionPerPage : IAsyncResourceFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!PublicPageCache.IsPublicPage(context.ActionDescriptor))
        {
            await next();
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<PortalDbContext>();
        var kept = services.GetRequiredService<KeptOpenSqliteConnections>();
        if (kept.IsEnabled)
        {
            await RenderOnBorrowedConnectionAsync(db, kept, next);
        }
        else if (!db.Database.CreateExecutionStrategy().RetriesOnFailure)
        {
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            try
            {
                await next();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await next();
        }
    }

    /// <summary>The action and its view run on a borrowed connection, given back as soon as the page is rendered — before
    /// the request's context goes back to EF Core's pool, which must not hand it to another request still set to this
    /// connection. An error page rendered in the page's place opens a connection of its own.</summary>
    private static async Task RenderOnBorrowedConnectionAsync(PortalDbContext db, KeptOpenSqliteConnections pool, ResourceExecutionDelegate next)
    {
        var connection = pool.Lease();
        var reusable = false;
        var connectionString = db.Database.GetConnectionString();
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        try
        {
            await next();
        }
        finally
        {
            try
            {
                // The context lets go of the connection first (rolling back a transaction it may have left open), so
                // nothing of this request touches it once another request has it.
                reusable = db.Database.CurrentTransaction is null;
                db.Database.SetDbConnection(null, contextOwnsConnection: false);

                // Letting go clears the connection string too; the pooled context gets its own back for its next request.
                db.Database.SetConnectionString(connectionString);
            }
            finally
            {
                pool.Return(connection, reusable);
            }
        }
    }
}
