using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Q11Portal.Core.Data;

/// <summary>A query EF Core compiles once (<c>EF.CompileAsyncQuery</c>), once per model: a compiled query refuses a
/// context of another model than the one it first ran with, and a process may hold several (the tests run SQLite and
/// PostgreSQL side by side; each differently configured context gets a model of its own).</summary>
public sealed class CompiledPerModel<TDelegate>(Func<TDelegate> compile)
    where TDelegate : class
{
    private readonly ConditionalWeakTable<IModel, TDelegate> byModel = new();

    public TDelegate For(DbContext db) => byModel.GetValue(db.Model, _ => compile());
}
