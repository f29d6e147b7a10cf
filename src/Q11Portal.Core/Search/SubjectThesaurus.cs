using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>The subjects of district news (traffic safety, Party building, social welfare…) with the phrases that name
/// them, read from <c>subjects.txt</c>. Related news compares articles by subject as well as by their words, because
/// two stories on one subject often share few words: a helmet campaign and a drink-driving check are both traffic
/// safety. Phrases match whole syllables with marks folded, so "mu bao hiem" in an unaccented text still counts.</summary>
public sealed partial class SubjectThesaurus
{
    private const string ResourceName = "Q11Portal.Core.Search.subjects.txt";

    /// <summary>Where a phrase is found counts: a title says what the story is about, a passing mention in the body less so.</summary>
    private const double TitleWeight = 3;
    private const double SummaryWeight = 2;
    private const double TagWeight = 2;
    private const double BodyWeight = 1;

    // Phrase lists by first syllable: matching is one dictionary lookup per word of the text.
    private readonly Dictionary<string, List<(string[] Words, int Subject)>> byFirstWord;

    private SubjectThesaurus(IReadOnlyList<string> subjects, Dictionary<string, List<(string[] Words, int Subject)>> byFirstWord, string fingerprint)
    {
        Subjects = subjects;
        this.byFirstWord = byFirstWord;
        Fingerprint = fingerprint;
    }

    public static SubjectThesaurus Default { get; } = Parse(ReadResource());

    public IReadOnlyList<string> Subjects { get; }

    /// <summary>Twelve hex digits of a hash of the subject lines (comments and blank lines left out): the search index
    /// records it, so an index built with other subjects is rebuilt, and every related list recomputed, on start.</summary>
    public string Fingerprint { get; }

    /// <summary>Reads the <c>id: phrase, phrase, …</c> format; '#' starts a comment line.</summary>
    public static SubjectThesaurus Parse(string text)
    {
        var subjects = new List<string>();
        var index = new Dictionary<string, List<(string[] Words, int Subject)>>(StringComparer.Ordinal);
        var content = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || colon <= 0)
            {
                continue;
            }

            content.Append(VietnameseText.Nfc(line)).Append('\n');

            var subject = subjects.Count;
            subjects.Add(line[..colon].Trim());
            foreach (var phrase in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = Words(phrase);
                if (words.Count == 0)
                {
                    continue;
                }

                if (!index.TryGetValue(words[0], out var list))
                {
                    index[words[0]] = list = [];
                }

                list.Add((words.ToArray(), subject));
            }
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString()));
        return new SubjectThesaurus(subjects, index, Convert.ToHexStringLower(hash)[..12]);
    }

    /// <summary>The article's subjects with weights of unit length (log-damped, position-weighted phrase counts);
    /// empty when no phrase occurs.</summary>
    public IReadOnlyDictionary<string, double> Profile(string title, string summary, IEnumerable<string> tags, string body)
    {
        var counts = new double[Subjects.Count];
        Count(title, TitleWeight, counts);
        Count(summary, SummaryWeight, counts);
        foreach (var tag in tags)
        {
            Count(tag, TagWeight, counts);
        }

        Count(body, BodyWeight, counts);
        return Normalize(counts);
    }

    /// <summary>The subjects a reader's query names by a phrase of two or more syllables or by a document number:
    /// one syllable ("hẻm", "chợ") is too weak a sign of what a short query is about.</summary>
    public IReadOnlyDictionary<string, double> QueryProfile(string query)
    {
        var counts = new double[Subjects.Count];
        Count(query, 1, counts, phrase => phrase.Length >= 2 || phrase[0].Any(char.IsDigit));
        return Normalize(counts);
    }

    /// <summary>Log-damped counts of the subjects found, scaled to unit length.</summary>
    private Dictionary<string, double> Normalize(double[] counts)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                weights[Subjects[i]] = Math.Log(1 + counts[i]);
            }
        }

        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        return weights.ToDictionary(w => w.Key, w => w.Value / norm, StringComparer.Ordinal);
    }

    /// <summary>"id=weight id=weight", the form kept in the index.</summary>
    public static string Format(IReadOnlyDictionary<string, double> profile) =>
        string.Join(' ', profile.Select(p => p.Key + "=" + p.Value.ToString("0.####", CultureInfo.InvariantCulture)));

    public static Dictionary<string, double> ParseProfile(string? stored)
    {
        var profile = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in (stored ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && double.TryParse(pair[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                profile[pair[..equals]] = weight;
            }
        }

        return profile;
    }

    private void Count(string text, double weight, double[] counts, Func<string[], bool>? accept = null)
    {
        var words = Words(text);
        for (var i = 0; i < words.Count; i++)
        {
            if (!byFirstWord.TryGetValue(words[i], out var phrases))
            {
                continue;
            }

            foreach (var (phrase, subject) in phrases)
            {
                if (Matches(words, i, phrase) && (accept is null || accept(phrase)))
                {
                    counts[subject] += weight;
                }
            }
        }
    }

    private static bool Matches(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var j = 1; j < phrase.Length; j++)
        {
            if (!string.Equals(words[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(VietnameseText.Fold(VietnameseText.Nfc(text)).ToLowerInvariant()).Select(m => m.Value).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();

    private static string ReadResource()
    {
        using var stream = typeof(SubjectThesaurus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
