using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Audit;

public sealed record AuditFilter(string? Action = null, string? UserName = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Page, int PageSize, int TotalCount, IReadOnlyList<string> Actions)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Reads the audit log for the admins' page, newest first; days are Vietnam local days.</summary>
public sealed class AuditQuery(PortalDbContext db)
{
    public async Task<AuditPage> SearchAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(a => a.UserName != null && a.UserName.Contains(name));
        }

        if (filter.From is { } from)
        {
            var start = LocalTime.DayRangeUtc(from).StartUtc;
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = LocalTime.DayRangeUtc(to).EndUtc;
            query = query.Where(a => a.AtUtc < end);
        }

        var pageSize = Math.Clamp(filter.PageSize, 10, 200);
        var total = await query.CountAsync(ct);
        var page = Paging.Clamp(filter.Page, total, pageSize);
        var items = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return new AuditPage(items, page, pageSize, total, actions.Union(AuditActions.Known).Order(StringComparer.Ordinal).ToList());
    }
}
