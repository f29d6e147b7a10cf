using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Letters;

/// <summary>A resident's letter from the "Hộp thư góp ý" on the Liên hệ page. Read by admins, never published.</summary>
public class Letter
{
    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string Subject { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public DateTime ReceivedAtUtc { get; set; }
    /// <summary>The sender's address as a salted hash that changes daily (for spotting a flood), never the address.</summary>
    public string? ClientHash { get; set; }
    public LetterStatus Status { get; set; }
    public DateTime? ReadAtUtc { get; set; }
    public DateTime? HandledAtUtc { get; set; }
    public string? HandledBy { get; set; }
    /// <summary>What was done (forwarded to which office, answered how); for the admins only.</summary>
    public string? HandlingNote { get; set; }
}

public enum LetterStatus
{
    New = 0,
    Read = 1,
    Handled = 2,
}

public sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> b)
    {
        b.Property(x => x.Name).HasMaxLength(LetterRules.NameMaxLength).IsRequired();
        b.Property(x => x.Email).HasMaxLength(LetterRules.EmailMaxLength);
        b.Property(x => x.Phone).HasMaxLength(LetterRules.PhoneMaxLength);
        b.Property(x => x.Address).HasMaxLength(LetterRules.AddressMaxLength);
        b.Property(x => x.Subject).HasMaxLength(LetterRules.SubjectMaxLength).IsRequired();
        b.Property(x => x.Body).HasMaxLength(LetterRules.BodyMaxLength).IsRequired();
        b.Property(x => x.ClientHash).HasMaxLength(64);
        b.Property(x => x.HandledBy).HasMaxLength(256);
        b.Property(x => x.HandlingNote).HasMaxLength(LetterRules.NoteMaxLength);
        b.HasIndex(x => new { x.Status, x.ReceivedAtUtc });
    }
}
