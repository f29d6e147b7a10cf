using System.Linq.Expressions;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Articles;

/// <summary>The one "is it public?" rule: published, with a publish time that has come and an expiry time (Hết hạn),
/// if any, still to come. Every public read (pages,
/// search, related news, feeds, counters, sitemaps) goes through one of its forms below; VisibilityRuleTests checks
/// on a table of cases that the forms agree.</summary>
public static class ArticleVisibility
{
    /// <summary>The rule as a query over articles.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(IsVisibleExpression(nowUtc));

    /// <summary>The rule over an article reached through a navigation (a related-news row's <c>Related</c>), in
    /// the same query.</summary>
    public static IQueryable<T> WhereArticleVisibleAt<T>(this IQueryable<T> source, Expression<Func<T, Article>> article, DateTime nowUtc)
    {
        var rule = IsVisibleExpression(nowUtc);
        var body = new ReplaceParameter(rule.Parameters[0], article.Body).Visit(rule.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(body, article.Parameters));
    }

    /// <summary>The rule for an entity already in memory.</summary>
    public static bool IsVisibleAt(this Article article, DateTime nowUtc) => IsVisible(article.Status, article.PublishedAtUtc, article.ExpiresAtUtc, nowUtc);

    /// <summary>The rule on an article's state as data (read by key, then checked in memory).</summary>
    public static bool IsVisible(ArticleStatus status, DateTime? publishedAtUtc, DateTime? expiresAtUtc, DateTime nowUtc) =>
        IsPublishedAtAnyTime(status, publishedAtUtc) && publishedAtUtc <= nowUtc && !HasExpired(expiresAtUtc, nowUtc);

    /// <summary>Whether an expiry time has come: an article expires at that instant, not a tick later.</summary>
    public static bool HasExpired(DateTime? expiresAtUtc, DateTime nowUtc) => expiresAtUtc <= nowUtc;

    /// <summary>The half of the rule that does not change with time: published, now or at a time still to come, until
    /// an expiry or none. The search index holds exactly these articles and applies the time half (publish and expiry
    /// times) when it is queried, so an article published for later appears, and an expired one goes, without being
    /// indexed again.</summary>
    public static bool IsPublishedAtAnyTime(ArticleStatus status, DateTime? publishedAtUtc) =>
        status == ArticleStatus.Published && publishedAtUtc is not null;

    /// <inheritdoc cref="IsPublishedAtAnyTime"/>
    public static IQueryable<Article> PublishedAtAnyTime(this IQueryable<Article> articles) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc != null);

    /// <summary>The rule with the time as an argument: the one definition the query forms are made from.</summary>
    private static readonly Expression<Func<Article, DateTime, bool>> Rule = (a, nowUtc) =>
        a.Status == ArticleStatus.Published && a.PublishedAtUtc != null && a.PublishedAtUtc <= nowUtc
        && (a.ExpiresAtUtc == null || a.ExpiresAtUtc > nowUtc);

    /// <summary><paramref name="query"/> with each <see cref="VisibleAt"/> in it written out as the rule, and each
    /// expression-valued static field (a shared projection such as <c>ArticleService.ToSummary</c>) as its lambda: the
    /// form EF Core can compile once (<c>EF.CompileAsyncQuery</c>), which calls no method while building the SQL.</summary>
    public static Expression<TDelegate> Inline<TDelegate>(Expression<TDelegate> query) =>
        (Expression<TDelegate>)new Inliner().Visit(query);

    private static Expression<Func<Article, bool>> IsVisibleExpression(DateTime nowUtc) =>
        // Read from an object, as a captured variable is, so EF Core sends the time as a parameter and keeps one plan.
        RuleAt(Expression.Field(Expression.Constant(new CapturedTime(nowUtc)), nameof(CapturedTime.nowUtc)));

    private static Expression<Func<Article, bool>> RuleAt(Expression nowUtc) =>
        Expression.Lambda<Func<Article, bool>>(new ReplaceParameter(Rule.Parameters[1], nowUtc).Visit(Rule.Body), Rule.Parameters[0]);

    /// <summary>A captured variable's shape: EF Core names the SQL parameter after the field (<c>@nowUtc</c>).</summary>
    private sealed class CapturedTime(DateTime nowUtc)
    {
        public readonly DateTime nowUtc = nowUtc;
    }

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(ArticleVisibility) && node.Method.Name == nameof(VisibleAt))
            {
                return Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Article)],
                    Visit(node.Arguments[0]), Expression.Quote(RuleAt(Visit(node.Arguments[1]))));
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node) =>
            node is { Expression: null, Member: System.Reflection.FieldInfo { IsStatic: true, IsInitOnly: true } field }
                && field.GetValue(null) is LambdaExpression lambda
                ? Expression.Quote(Visit(lambda))
                : base.VisitMember(node);
    }
}
