using System.Text.RegularExpressions;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Comments;

/// <summary>Why a comment went to spam instead of the moderation queue (Vietnamese, shown to moderators).</summary>
public sealed record SpamVerdict(string Reason);

/// <summary>Content rules that send a comment to spam: too many links, or a blocked word or phrase.</summary>
public static class CommentSpamClassifier
{
    public static SpamVerdict? Classify(string name, string body, CommentOptions options)
    {
        var links = CommentText.CountLinks(name) + CommentText.CountLinks(body);
        if (links > options.MaxLinks)
        {
            return new SpamVerdict($"Tự động: quá nhiều liên kết ({links}, tối đa {options.MaxLinks})");
        }

        var text = name + "\n" + body;
        foreach (var blocked in options.BlockedWords)
        {
            if (ContainsPhrase(text, blocked))
            {
                return new SpamVerdict($"Tự động: có từ bị chặn “{VietnameseText.Nfc(blocked).Trim()}”");
            }
        }

        return null;
    }

    /// <summary>Whole-word, case-insensitive match. A phrase written without marks is matched against the folded
    /// text too, so "casino" catches "Cásino"; one written with marks ("đánh bạc") matches that spelling only, so a
    /// harmless word with the same letters is not caught.</summary>
    public static bool ContainsPhrase(string text, string phrase)
    {
        var wanted = VietnameseText.Nfc(phrase).Trim().ToLowerInvariant();
        if (wanted.Length == 0)
        {
            return false;
        }

        var pattern = @"(?<![\p{L}\p{N}])" + string.Join(@"\s+", wanted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + @"(?![\p{L}\p{N}])";
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (regex.IsMatch(VietnameseText.Nfc(text).ToLowerInvariant()))
        {
            return true;
        }

        var unmarked = VietnameseText.Fold(wanted) == wanted;
        return unmarked && regex.IsMatch(VietnameseText.Fold(text));
    }
}
