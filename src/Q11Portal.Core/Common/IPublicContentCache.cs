namespace Q11Portal.Core.Common;

/// <summary>Something a node keeps in memory because pages read it on every render while it changes only when public
/// content changes (the menu, the sidebar blocks, the documents the article bodies link to). Every implementation is
/// dropped together with the cached pages: at once for this node's own changes, within a poll of the shared change
/// log for another node's.</summary>
public interface IPublicContentCache
{
    void Evict();
}
