namespace Q11Portal.Core.Common;

/// <summary>Page numbers from a query string are the client's: "page=2147483647" must not overflow the row offset
/// (an int multiplication that wraps negative makes Skip throw, a 500). Every list clamps with these.</summary>
public static class Paging
{
    /// <summary>At least 1, however few rows there are.</summary>
    public static int PageCount(int total, int pageSize) =>
        (int)Math.Max(1, ((long)Math.Max(0, total) + pageSize - 1) / pageSize);

    /// <summary>The page clamped to [1, last page].</summary>
    public static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));

    /// <summary>Rows before <paramref name="page"/>, computed in 64 bits and capped at int.MaxValue.</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(1, (long)page) - 1) * pageSize);
}
