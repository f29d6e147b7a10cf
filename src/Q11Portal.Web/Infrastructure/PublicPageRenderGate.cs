using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Q11Portal.Web.Infrastructure;

/// <summary>At most <c>PublicPages:RenderConcurrency</c> public pages are rendered at once on a node (cache misses: the
/// first reader after a publish, pages the cache dropped, a crawler walking the archive); the others wait for a slot
/// without holding a thread, up to <see cref="MaxWait"/>, then get the Vietnamese 503 page with <c>Retry-After</c>
/// rather than a hang. SQLite runs its queries on the request's thread: without a bound, a burst of different
/// uncached pages takes every pool thread and the cached pages, served by the same pool, stall behind it. Cached pages
/// never wait here (the output cache answers before MVC runs). Measured on 2 cores at 32 connections over 2,000
/// uncached articles, a bound of 4 or 64 made no difference to throughput beyond the machine's noise: it protects,
/// it does not speed up.</summary>
public sealed class PublicPageRenderGate(int concurrency) : IAsyncResourceFilter, IOrderedFilter
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    public const int RetryAfterSeconds = 5;

    /// <summary>nginx's code for a request whose client closed the connection; never seen by a reader.</summary>
    public const int ClientClosedRequest = 499;

    private readonly SemaphoreSlim slots = new(concurrency, concurrency);

    /// <summary>Before <see cref="OneConnectionPerPage"/>: a waiting request holds no database connection.</summary>
    public int Order => -2000;

    /// <summary>The default: four renders per core (the database's own waits, on PostgreSQL or SQL Server, leave the
    /// CPU free for another page meanwhile).</summary>
    public static int DefaultConcurrency => Math.Max(4, Environment.ProcessorCount * 4);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (!PublicPageCache.IsPublicPage(context.ActionDescriptor))
        {
            await next();
            return;
        }

        var http = context.HttpContext;
        bool entered;
        try
        {
            entered = await slots.WaitAsync(MaxWait, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The reader left while waiting: nothing is rendered for nobody, and nothing is thrown. Readers of the same
            // address the output cache held behind this one render the page themselves.
            context.Result = new StatusCodeResult(ClientClosedRequest);
            return;
        }

        if (!entered)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
            return;
        }

        // The render goes on if the reader leaves. The output cache holds later readers of the same address until the
        // first one's render is done and hands them its page, or its exception: a reader closing the tab on a shared
        // article just published would otherwise cancel the render and give everyone behind it the error page. Done,
        // the page is stored and served to them; a render is bounded by the database's command timeout.
        http.RequestAborted = CancellationToken.None;
        try
        {
            await next();
        }
        finally
        {
            slots.Release();
        }
    }
}
