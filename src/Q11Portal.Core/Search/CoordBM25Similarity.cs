using Lucene.Net.Search.Similarities;

namespace Q11Portal.Core.Search;

/// <summary>BM25 that also rewards matching more of the query's terms within a field (Lucene's BM25 ignores coord),
/// so that all the words of a name in the body beat one of them in a title.</summary>
public sealed class CoordBM25Similarity : BM25Similarity
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap == 0 ? 1f : overlap / (float)maxOverlap;
}
