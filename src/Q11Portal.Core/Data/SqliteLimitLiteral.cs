using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Q11Portal.Core.Data;

/// <summary>Writes the row count of a <c>LIMIT @p</c> into the SQL text. EF Core sends <c>Take(count)</c> with a
/// variable count as a parameter, and SQLite (3.53, the provider's build) marks a statement whose LIMIT is a bound
/// parameter to be compiled again whenever a value is bound to it: a kept statement of such a query was recompiled on
/// every run, as if it had not been kept (the neighbours and related-news queries of every article page). With the
/// count in the text the statement is compiled once per count; the counts a page uses are few (its list sizes).
/// OFFSET stays a parameter: SQLite does not recompile for it, and its values (page numbers) are many.</summary>
public static partial class SqliteLimitLiteral
{
    /// <summary><paramref name="sql"/> with each <c>LIMIT @name</c> whose parameter holds a whole number written as that
    /// number; the text itself when there is none. A parameter also used elsewhere in the text stays bound there.</summary>
    public static string Inline(string sql, DbParameterCollection parameters)
    {
        if (!sql.Contains("LIMIT @", StringComparison.Ordinal))
        {
            return sql;
        }

        return LimitParameter().Replace(sql, match =>
        {
            var name = match.Groups["name"].Value;
            return Count(parameters, name) is { } count
                ? "LIMIT " + count.ToString(CultureInfo.InvariantCulture)
                : match.Value;
        });
    }

    private static long? Count(DbParameterCollection parameters, string name)
    {
        foreach (DbParameter parameter in parameters)
        {
            if (string.Equals(parameter.ParameterName.TrimStart('@', '$', ':'), name, StringComparison.Ordinal))
            {
                return parameter.Value switch
                {
                    int value when value >= 0 => value,
                    long value when value >= 0 => value,
                    _ => null,
                };
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bLIMIT @(?<name>\w+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LimitParameter();
}
