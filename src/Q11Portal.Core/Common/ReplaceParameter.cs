using System.Linq.Expressions;

namespace Q11Portal.Core.Common;

/// <summary>Writes <paramref name="to"/> wherever an expression uses the parameter <paramref name="from"/>: how one
/// shared expression (the visibility rule, a projection) is put into another query.</summary>
internal sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
}
