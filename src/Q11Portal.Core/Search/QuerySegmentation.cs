namespace Q11Portal.Core.Search;

/// <summary>Splits a query's syllables into words as the index reads them. Vietnamese writes a word of two syllables
/// with a space ("hiến đất", "mở rộng"), so which syllables form words is read from the index itself.</summary>
internal static class QuerySegmentation
{
    /// <summary>The positions of the query's syllables that are words by themselves: the adjacent pairs most often
    /// found together (their bigram's share of the rarer syllable's articles) are taken as words first, without
    /// overlap; a syllable left outside every word ("hẻm" in "hiến đất mở rộng hẻm") is a word of its own. A syllable
    /// of a two-syllable word alone ("hiến" of "cống hiến" in an article on something else) is not.</summary>
    /// <param name="frequency">How many articles have a term in their body.</param>
    public static HashSet<int> SingleSyllableWords(List<VietnameseToken> tokens, Func<string, int> frequency)
    {
        var syllables = tokens.Where(t => t.Kind == VietnameseTokenKind.Syllable).Select(t => t.Position).ToHashSet();
        var pairs = new List<(int Position, double Cohesion)>();
        foreach (var bigram in tokens.Where(t => t.Kind == VietnameseTokenKind.Bigram && syllables.Contains(t.Position) && syllables.Contains(t.Position + 1)))
        {
            var at = bigram.Term.IndexOf(VietnameseTokens.BigramSeparator, StringComparison.Ordinal);
            var together = frequency(bigram.Term);
            var rarer = Math.Min(frequency(bigram.Term[..at]), frequency(bigram.Term[(at + 1)..]));
            if (together > 0 && rarer > 0)
            {
                pairs.Add((bigram.Position, (double)together / rarer));
            }
        }

        var inWords = new HashSet<int>();
        foreach (var (position, _) in pairs.OrderByDescending(p => p.Cohesion).ThenBy(p => p.Position))
        {
            if (!inWords.Contains(position) && !inWords.Contains(position + 1))
            {
                inWords.Add(position);
                inWords.Add(position + 1);
            }
        }

        syllables.ExceptWith(inWords);
        return syllables;
    }
}
