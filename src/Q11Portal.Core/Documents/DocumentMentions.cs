using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Q11Portal.Core.Search;

namespace Q11Portal.Core.Documents;

/// <summary>The public articles that name a document, found in the search index, whose articles carry the references
/// of their text (<see cref="DocumentReferenceQueries.Field"/>), newest first.</summary>
public sealed class DocumentMentions(SearchIndex index, DocumentLibrary library, TimeProvider clock)
{
    public async Task<IReadOnlyList<DocumentMention>> FindAsync(string slug, int max, CancellationToken ct)
    {
        var targets = await library.LinkTargetsAsync(ct);
        var target = targets.FirstOrDefault(t => t.Slug == slug);
        if (target is null)
        {
            return [];
        }

        var byNumberAlone = new DocumentLinks(targets).OnlyOneOfItsNumber(target);
        var now = clock.GetUtcNow().UtcDateTime;
        return index.Search(searcher =>
        {
            // The full key, or (when the library has one document of this kind and number) the kind and number in an
            // article that names no issuer for them: "Chỉ thị 05" beside "05/CT-UBND" is the ward's (DocumentLinks.Resolve).
            var names = new BooleanQuery { { new TermQuery(new Term(DocumentReferenceQueries.Field, target.ReferenceKey)), Occur.SHOULD } };
            if (byNumberAlone)
            {
                names.Add(new BooleanQuery
                {
                    { new TermQuery(new Term(DocumentReferenceQueries.Field, target.KindNumberKey)), Occur.MUST },
                    { new PrefixQuery(new Term(DocumentReferenceQueries.Field, target.KindNumberKey + ":")), Occur.MUST_NOT },
                }, Occur.SHOULD);
            }

            var sort = new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));
            var top = searcher.Search(IndexVisibility.VisibleOnly(names, now), null, max, sort);
            return top.ScoreDocs.Select(hit =>
            {
                var doc = searcher.Doc(hit.Doc);
                return new DocumentMention(
                    int.Parse(doc.Get(SearchFields.Id), CultureInfo.InvariantCulture),
                    doc.Get(SearchFields.Slug) ?? string.Empty,
                    doc.Get(SearchFields.Title) ?? string.Empty,
                    new DateTime(doc.GetField(SearchFields.Published).GetInt64Value() ?? 0, DateTimeKind.Utc));
            }).ToList();
        });
    }
}
