using Microsoft.Extensions.Logging;

namespace Q11Portal.Core.Articles;

/// <summary>Calls every <see cref="IArticleChangeHandler"/> after a change to public content is committed. A failing
/// handler is logged and the others still run: the <see cref="ContentChange"/> row lets it catch up later.</summary>
public sealed class ArticleChangeNotifier(IEnumerable<IArticleChangeHandler> handlers, ILogger<ArticleChangeNotifier> logger)
{
    public async Task NotifyAsync(ArticleChangeNotice? notice, CancellationToken ct)
    {
        if (notice is null)
        {
            return;
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler.OnArticleChangedAsync(notice, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Article change handler {Handler} failed for article {ArticleId}", handler.GetType().Name, notice.ArticleId);
            }
        }
    }
}
