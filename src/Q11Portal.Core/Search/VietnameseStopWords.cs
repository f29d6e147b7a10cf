namespace Q11Portal.Core.Search;

/// <summary>Vietnamese function words that carry no topic on their own. They are dropped as single terms but still
/// form bigrams, so "làm theo" and "của Bác" stay searchable as phrases.</summary>
public static class VietnameseStopWords
{
    // Function words only: conjunctions, prepositions, particles, classifiers, pronouns, auxiliaries.
    // Content words that look common in news ("người", "dân", "năm", "quận") are deliberately absent.
    private static readonly string[] Words =
    [
        "và", "với", "của", "các", "những", "là", "thì", "mà", "nhưng", "hay", "hoặc", "cũng", "còn", "nên", "vì",
        "do", "nếu", "để", "cho", "tại", "trong", "trên", "dưới", "ngoài", "từ", "đến", "tới", "về", "theo", "sau", "trước",
        "khi", "lúc", "đã", "đang", "sẽ", "vẫn", "đều", "được", "bị", "có", "không", "chưa", "rất", "lại", "ra", "vào",
        "này", "đó", "kia", "ấy", "nọ", "nào", "gì", "ai", "đây", "thế", "vậy", "như", "bằng", "qua", "cùng", "giữa",
        "một", "mỗi", "từng", "cả", "mọi", "nhiều", "ít", "số", "việc", "sự", "cái", "chiếc", "con", "điều",
        "thêm", "nữa", "rồi", "hơn", "nhất", "lên", "xuống", "đi", "tuy", "dù", "song", "bởi", "ngày",
        "ông", "bà", "anh", "chị", "em", "họ", "chúng", "ta", "tôi", "mình", "nhau", "bản", "thân",
    ];

    private static readonly HashSet<string> Exact = new(Words, StringComparer.Ordinal);

    /// <summary>True for a lower-case NFC word in the list. A word typed without any marks is not treated as a stop
    /// word, because "co" or "la" may stand for a content word ("cô", "lá") once folded.</summary>
    public static bool Contains(string lower) => Exact.Contains(lower);

    public static IReadOnlyCollection<string> All => Exact;
}
