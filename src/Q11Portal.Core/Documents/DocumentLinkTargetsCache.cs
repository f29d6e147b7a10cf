using Q11Portal.Core.Common;

namespace Q11Portal.Core.Documents;

/// <summary>The library documents article bodies link to (<see cref="DocumentLinkTransform"/>), built once and kept
/// until public content changes (<see cref="IPublicContentCache"/>) or <see cref="Lifetime"/> passes. Rendering an
/// article used to read the whole library table on every cache miss of the article page.</summary>
public sealed class DocumentLinkTargetsCache(TimeProvider clock) : IPublicContentCache
{
    /// <summary>A bound in case a change reaches this node by no other way (a row edited by hand in the database).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private Entry? current;
    private long generation;

    public async Task<DocumentLinks> GetAsync(DocumentLibrary library, CancellationToken ct)
    {
        long seen;
        lock (gate)
        {
            if (current is { } entry && clock.GetUtcNow() < entry.ExpiresAt)
            {
                return entry.Links;
            }

            seen = generation;
        }

        var links = new DocumentLinks(await library.LinkTargetsAsync(ct));
        lock (gate)
        {
            // A change evicted while the table was read: this copy may predate it, so it is used once and not kept.
            if (generation == seen)
            {
                current = new Entry(links, clock.GetUtcNow() + Lifetime);
            }
        }

        return links;
    }

    public void Evict()
    {
        lock (gate)
        {
            generation++;
            current = null;
        }
    }

    private sealed record Entry(DocumentLinks Links, DateTimeOffset ExpiresAt);
}
