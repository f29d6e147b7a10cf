using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Q11Portal.Core.Search;

/// <summary>Scores the documents matching <paramref name="demoted"/> at <paramref name="factor"/> of their score (what
/// Lucene's BoostingQuery does) without making the words a required clause: the words are still scored in bulk,
/// and the few demoted documents are found once per segment.</summary>
internal sealed class DemotingCollector(ICollector inner, Query demoted, float factor) : ICollector
{
    private readonly QueryWrapperFilter demotedFilter = new(demoted);
    private FixedBitSet? segmentDemoted;
    private int currentDoc;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetNextReader(AtomicReaderContext context)
    {
        inner.SetNextReader(context);
        segmentDemoted = null;
        var iterator = demotedFilter.GetDocIdSet(context, context.AtomicReader.LiveDocs)?.GetIterator();
        if (iterator is null)
        {
            return;
        }

        for (var doc = iterator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.NextDoc())
        {
            (segmentDemoted ??= new FixedBitSet(context.AtomicReader.MaxDoc)).Set(doc);
        }
    }

    public void SetScorer(Scorer scorer) => inner.SetScorer(new DemotedScorer(scorer, this));

    public void Collect(int doc)
    {
        currentDoc = doc;
        inner.Collect(doc);
    }

    private float Adjust(float score) => segmentDemoted is not null && segmentDemoted.Get(currentDoc) ? score * factor : score;

    // No weight: the bulk scorer hands collectors a scorer without one, and the collector only asks for scores.
    private sealed class DemotedScorer(Scorer scorer, DemotingCollector owner) : Scorer(null)
    {
        public override float GetScore() => owner.Adjust(scorer.GetScore());

        public override int Freq => scorer.Freq;

        public override int DocID => scorer.DocID;

        public override int NextDoc() => scorer.NextDoc();

        public override int Advance(int target) => scorer.Advance(target);

        public override long GetCost() => scorer.GetCost();
    }
}
