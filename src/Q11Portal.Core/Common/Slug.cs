using System.Text;

namespace Q11Portal.Core.Common;

public static class Slug
{
    public const int MaxLength = 120;

    /// <summary>An ASCII URL slug: "Đảng bộ Quận 11" → "dang-bo-quan-11". Empty when nothing usable remains.</summary>
    public static string From(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingDash = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
            var cut = slug.LastIndexOf('-');
            slug = cut > MaxLength / 2 ? slug[..cut] : slug.TrimEnd('-');
        }

        return slug;
    }

    /// <summary>True when the text is a well-formed slug as <see cref="From"/> makes them.</summary>
    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && slug == From(slug);
}
