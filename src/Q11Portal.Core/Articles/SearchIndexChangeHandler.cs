using Q11Portal.Core.Search;

namespace Q11Portal.Core.Articles;

/// <summary>Keeps this node's search index and the stored "Tin liên quan" lists in step with the newsroom: a publish,
/// an edit of a public article, an unpublish or a delete is applied at once. Other nodes catch up from the
/// <see cref="ContentChange"/> rows written in the same transaction.</summary>
public sealed class SearchIndexChangeHandler(ArticleIndexingService indexing) : IArticleChangeHandler
{
    public Task OnArticleChangedAsync(ArticleChangeNotice notice, CancellationToken ct) =>
        indexing.ArticleChangedAsync(notice.ArticleId, ct);
}
