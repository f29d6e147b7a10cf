using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>The layout of an article in the index (<see cref="SearchFields"/>): searched text, stored fields for the
/// result page, the related-news field with term vectors, and the article's subject profile. A change here is a
/// change of <see cref="SearchIndex.Schema"/>.</summary>
public static class ArticleIndexDocument
{
    /// <summary>A subject's weight in an article is indexed as a term frequency of up to this many.</summary>
    public const int SubjectFrequencySteps = 5;

    /// <summary>Term vectors for related news, not stored.</summary>
    private static readonly FieldType RelatedFieldType = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        StoreTermVectors = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
        OmitNorms = true,
    });

    /// <summary>A subject repeated as often as it weighs (<see cref="SubjectFrequencySteps"/>).</summary>
    private static readonly FieldType SubjectFieldType = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = false,
        IsStored = false,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
        OmitNorms = true,
    });

    public static Document Create(ArticleSearchDocument a)
    {
        var title = VietnameseText.Nfc(a.Title);
        var summary = VietnameseText.Nfc(a.Summary);
        var body = VietnameseText.Nfc(a.BodyText);
        var tags = a.Tags.Select(VietnameseText.Nfc).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var document = new Document
        {
            new StringField(SearchFields.Id, SearchIndex.IdTerm(a.Id), Field.Store.YES),
            new StoredField(SearchFields.Slug, a.Slug),
            new TextField(SearchFields.Title, title, Field.Store.YES),
            new TextField(SearchFields.Summary, summary, Field.Store.YES),
            new TextField(SearchFields.Body, body, Field.Store.YES),
            new StringField(SearchFields.CategoryId, a.CategoryId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StoredField(SearchFields.CategoryName, a.CategoryName),
            new Int64Field(SearchFields.Published, a.PublishedAtUtc.Ticks, Field.Store.YES),
            new NumericDocValuesField(SearchFields.Published, a.PublishedAtUtc.Ticks),
            // Never expiring sorts after every time, so one range clause leaves out the expired.
            new Int64Field(SearchFields.Expires, a.ExpiresAtUtc?.Ticks ?? long.MaxValue, Field.Store.NO),
            new NumericDocValuesField(SearchFields.CategoryId, a.CategoryId),
            new Field(SearchFields.Related, string.Join("\n", [title, title, summary, string.Join(" . ", tags), string.Join(" . ", tags), body]), RelatedFieldType),
        };
        var subjects = SubjectThesaurus.Default.Profile(title, summary, tags, body);
        document.Add(new StoredField(SearchFields.Subjects, SubjectThesaurus.Format(subjects)));
        foreach (var (subject, weight) in subjects)
        {
            for (var step = 0; step < Math.Ceiling(weight * SubjectFrequencySteps); step++)
            {
                document.Add(new Field(SearchFields.Subject, subject, SubjectFieldType));
            }
        }

        foreach (var key in DocumentReferenceQueries.IndexKeys(title, summary, body))
        {
            document.Add(new StringField(DocumentReferenceQueries.Field, key, Field.Store.NO));
        }

        if (a.SourceId is not null)
        {
            document.Add(new StringField(SearchFields.SourceId, a.SourceId, Field.Store.YES));
        }

        foreach (var tag in tags)
        {
            document.Add(new TextField(SearchFields.Tags, tag, Field.Store.YES));
            if (!VietnameseTokens.IsProperName(tag))
            {
                // Place and person tags ("Củ Chi") say where, not what: related news leaves them out, like names in the text.
                document.Add(new StringField(SearchFields.TagKey, VietnameseText.Fold(tag), Field.Store.NO));
            }
        }

        return document;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
