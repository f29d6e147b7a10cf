using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A public page's render (the output-cached pages, on a cache miss) runs on one database connection, opened
/// before its action and kept until the request ends: the article page's queries and its view components' (related
/// news, comments) no longer each open and close one. On SQLite that open/close (pool lock, the provider's functions
/// registered again) was about a sixth of an uncached article's server time, and compiling each query's SQL again
/// about a third: there the render borrows a connection that stays open and keeps its queries prepared
/// (<see cref="KeptOpenSqliteConnections"/>). Not when the provider retries failed commands (SQL Server): a retry must
/// be free to open a fresh connection. Other pages (errors, the comment token, the newsroom) open connections as their
/// queries need them, so a page that reads nothing never waits for the database.</summary>
public sealed class OneConnectionPerPage : IAsyncResourceFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (PublicPageCache.IsPublicPage(context.ActionDescriptor))
        {
            var services = context.HttpContext.RequestServices;
            var db = services.GetRequiredService<PortalDbContext>();
            var kept = services.GetRequiredService<KeptOpenSqliteConnections>();
            if (kept.IsEnabled)
            {
                // Given back when the request is over, after the error page if one is rendered in its place.
                context.HttpContext.Response.RegisterForDispose(new BorrowedConnection(kept, db));
            }
            else if (!db.Database.CreateExecutionStrategy().RetriesOnFailure)
            {
                await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            }
        }

        await next();
    }

    /// <summary>The request's context on a borrowed connection, until the request ends.</summary>
    private sealed class BorrowedConnection : IDisposable
    {
        private readonly KeptOpenSqliteConnections pool;
        private readonly PortalDbContext db;
        private readonly KeptOpenSqliteConnection connection;

        public BorrowedConnection(KeptOpenSqliteConnections pool, PortalDbContext db)
        {
            this.pool = pool;
            this.db = db;
            connection = pool.Lease();
            db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        }

        public void Dispose()
        {
            var reusable = true;
            try
            {
                // The context lets go of the connection first (rolling back a transaction it may have left open), so
                // nothing of this request touches it once another request has it.
                reusable = db.Database.CurrentTransaction is null;
                db.Database.SetDbConnection(null, contextOwnsConnection: false);
            }
            catch (ObjectDisposedException)
            {
                // The request's scope ended first: the disposed context has let go already.
            }

            pool.Return(connection, reusable);
        }
    }
}
