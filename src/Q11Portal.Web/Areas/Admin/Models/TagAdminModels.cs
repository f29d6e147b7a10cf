using Q11Portal.Core.Tags;

namespace Q11Portal.Web.Areas.Admin.Models;

public sealed record TagListViewModel(TagPage Page, string? Query, TagOrder Order)
{
    public string Url(int page) =>
        $"/admin/tags?q={Uri.EscapeDataString(Query ?? string.Empty)}&sort={Order.ToString().ToLowerInvariant()}&page={page}";
}

/// <param name="TypedName">The name as typed in the rename form (kept when it is refused).</param>
/// <param name="Collision">The tag that already has the wanted slug: offered as a merge target.</param>
/// <param name="TargetName">The merge form's typed target name (kept when it is refused).</param>
public sealed record TagEditViewModel(TagRow Tag, string TypedName, IReadOnlyList<string> OldSlugs, TagRow? Collision = null, string? TargetName = null);

/// <param name="TargetId">The tag the others merge into (preselected: the most used).</param>
public sealed record TagMergeViewModel(IReadOnlyList<TagRow> Tags, int? TargetId);
