namespace Q11Portal.Benchmarks;

/// <summary>A running portal the scenarios load: in this process (<see cref="PortalServer"/>) or in its own
/// (<see cref="PortalProcess"/>, <c>--out-of-process</c>).</summary>
public interface IPortalHost : IAsyncDisposable
{
    string BaseUrl { get; }

    /// <summary>The portal's wwwroot on disk (src/Q11Portal.Web/wwwroot).</summary>
    string WebRoot { get; }

    /// <summary>CPU time of the process the portal runs in.</summary>
    TimeSpan CpuTime { get; }

    /// <summary>Working set of the process the portal runs in, in bytes (with the benchmark's own when in-process).</summary>
    long WorkingSet { get; }

    /// <summary>True when every page request must miss the output cache: the in-process portal has a store that never
    /// holds a page; a portal in its own process is given a different value of a query parameter the article page reads
    /// on each request instead (<see cref="CacheMissQuery"/>: the comments' page number, which shows the first page when
    /// unreadable), so it renders every page and its cache works as in production. (Parameters a page does not read
    /// name the same cached page: <c>PageQuery</c>.)</summary>
    bool NeedsUniqueQueries { get; }

    public const string CacheMissQuery = Q11Portal.Web.ViewComponents.CommentsViewComponent.PageQueryKey;
}
