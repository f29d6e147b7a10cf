namespace Q11Portal.Core.Articles;

/// <summary>Told when this node has taken changed articles into its search index: its own edits, other nodes' edits
/// seen by the index sync a few seconds later, scheduled publications, imports, or a rebuild. The web host drops its
/// cached public pages then.</summary>
public interface IArticleChangeObserver
{
    Task ArticlesChangedAsync(CancellationToken ct);
}
