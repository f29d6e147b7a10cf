using System.Globalization;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Q11Portal.Core.Search;

/// <summary>Turns an index hit into a <see cref="SearchHit"/>: the stored fields, and the title and a snippet with the
/// query's matches in &lt;mark&gt;, HTML-encoded.</summary>
public static class ResultHighlighter
{
    private const int SnippetLength = 220;

    /// <param name="query">What to highlight; null for plain (encoded) text.</param>
    public static SearchHit ToHit(IndexSearcher searcher, ScoreDoc hit, Query? query)
    {
        var document = searcher.Doc(hit.Doc);
        var title = document.Get(SearchFields.Title) ?? string.Empty;
        var summary = document.Get(SearchFields.Summary) ?? string.Empty;
        var body = document.Get(SearchFields.Body) ?? string.Empty;
        var titleHtml = (query is null ? null : Highlight(query, SearchFields.Title, title, whole: true)) ?? Encode(title);
        var snippet = (query is null ? null : Highlight(query, SearchFields.Summary, summary, whole: true) ?? Highlight(query, SearchFields.Body, body, whole: false))
            ?? Encode(summary.Length > 0 ? summary : Cut(body));
        return new SearchHit(
            int.Parse(document.Get(SearchFields.Id), CultureInfo.InvariantCulture),
            document.Get(SearchFields.SourceId),
            document.Get(SearchFields.Slug) ?? string.Empty,
            title,
            titleHtml,
            snippet,
            int.Parse(document.Get(SearchFields.CategoryId), CultureInfo.InvariantCulture),
            document.Get(SearchFields.CategoryName) ?? string.Empty,
            new DateTime(document.GetField(SearchFields.Published).GetInt64Value() ?? 0, DateTimeKind.Utc),
            hit.Score);
    }

    /// <summary>The text with every query match wrapped in &lt;mark&gt;, HTML-encoded; null when nothing matched.</summary>
    /// <param name="whole">The whole text (a title, a sapo), or up to two fragments of a body.</param>
    public static string? Highlight(Query query, string field, string text, bool whole)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var scorer = new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ReadableHtmlEncoder.Instance, scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, SnippetLength),
        };
        try
        {
            using var stream = SearchIndex.Analyzer.GetTokenStream(field, text);
            var fragments = highlighter.GetBestFragments(stream, text, whole ? 1 : 2);
            if (fragments.Length == 0 || !fragments[0].Contains("<mark>", StringComparison.Ordinal))
            {
                return null;
            }

            return whole ? fragments[0] : "… " + string.Join(" … ", fragments) + " …";
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }

    private static string Encode(string text) => ReadableHtmlEncoder.Instance.EncodeText(text);

    private static string Cut(string text) => text.Length <= SnippetLength ? text : text[..SnippetLength] + "…";

    /// <summary>HTML-encodes markup characters only, so Vietnamese stays readable (no numeric entities).</summary>
    private sealed class ReadableHtmlEncoder : IEncoder
    {
        public static readonly ReadableHtmlEncoder Instance = new();
        private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
            System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        public string EncodeText(string originalText) => Encoder.Encode(originalText);
    }
}
