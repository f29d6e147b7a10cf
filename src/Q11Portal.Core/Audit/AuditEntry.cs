namespace Q11Portal.Core.Audit;

/// <summary>Who did what and when: publish, unpublish, delete, role change, login failures, comment decisions.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }
    public string Action { get; set; } = string.Empty;
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }
}
