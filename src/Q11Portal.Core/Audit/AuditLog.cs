using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Audit;

/// <summary>Writes who did what and when. The entry joins the caller's unit of work: it is stored by the caller's
/// next <c>SaveChangesAsync</c>, so an action and its audit entry succeed or fail together.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, ILogger<AuditLog> logger)
{
    public AuditEntry Add(string? userName, string action, string? entityType = null, string? entityId = null, string? details = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 4000 } ? details[..4000] : details,
        };
        db.AuditEntries.Add(entry);
        logger.LogInformation("Audit {Action} on {EntityType} {EntityId} by {UserName}", action, entityType, entityId, userName);
        return entry;
    }

    /// <summary>Adds and saves at once, for events with no other change to store (a failed login).</summary>
    public async Task WriteAsync(string? userName, string action, string? entityType, string? entityId, string? details, CancellationToken ct)
    {
        Add(userName, action, entityType, entityId, details);
        await db.SaveChangesAsync(ct);
    }
}
