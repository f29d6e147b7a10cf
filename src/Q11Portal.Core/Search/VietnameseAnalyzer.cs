using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Q11Portal.Core.Search;

/// <summary>The one Lucene analyzer for search and related news: it replays <see cref="VietnameseTokens.Analyze"/>.
/// The related-news field (<see cref="SearchFields.Related"/>) keeps only folded forms and leaves out proper names;
/// every other field keeps exact and folded forms of everything.</summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new VietnameseTokenizer(reader, folded: fieldName == SearchFields.Related));
}

internal sealed class VietnameseTokenizer : Tokenizer
{
    private readonly bool folded;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private readonly ITypeAttribute type;
    private List<VietnameseToken> tokens = [];
    private int index;
    private int lastPosition;
    private int finalOffset;

    public VietnameseTokenizer(TextReader input, bool folded)
        : base(input)
    {
        this.folded = folded;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
        type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (index >= tokens.Count)
        {
            return false;
        }

        var token = tokens[index++];
        term.SetEmpty().Append(token.Term);
        offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        increment.PositionIncrement = token.Position - lastPosition;
        type.Type = token.Kind.ToString();
        lastPosition = token.Position;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        // Offsets refer to the NFC text; the index stores NFC text, so highlighting lines up.
        finalOffset = CorrectOffset(Common.VietnameseText.Nfc(text).Length);
        tokens = VietnameseTokens.Analyze(text, folded, skipNames: folded);
        index = 0;
        lastPosition = -1;
    }

    public override void End()
    {
        base.End();
        offset.SetOffset(finalOffset, finalOffset);
    }
}
