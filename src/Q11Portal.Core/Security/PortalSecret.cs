using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Security;

/// <summary>A secret the portal signs or hashes with, shared by every web node through the database. The value is
/// protected with Data Protection (see <see cref="PortalSecretStore"/> for why).</summary>
public class PortalSecret
{
    /// <summary>What the secret is for, e.g. "Comments.Secret".</summary>
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }
}

public sealed class PortalSecretConfiguration : IEntityTypeConfiguration<PortalSecret>
{
    public void Configure(EntityTypeBuilder<PortalSecret> b)
    {
        b.ToTable("PortalSecrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100).IsUnicode(false);
        b.Property(s => s.Value).HasMaxLength(2000).IsUnicode(false).IsRequired();
    }
}
