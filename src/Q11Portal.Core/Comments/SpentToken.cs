using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Comments;

/// <summary>A one-time proof already used (a comment form token, a solved ALTCHA challenge). Kept until it would
/// have expired anyway, so a replay is refused on every web node sharing the database.</summary>
public class SpentToken
{
    /// <summary>SHA-256 (hex) of the kind and the token; the token itself is not stored.</summary>
    public string Id { get; set; } = string.Empty;
    public DateTime ExpiresAtUtc { get; set; }
}

public sealed class SpentTokenConfiguration : IEntityTypeConfiguration<SpentToken>
{
    public void Configure(EntityTypeBuilder<SpentToken> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(t => t.ExpiresAtUtc);
    }
}

/// <summary>Marks tokens as used, atomically: the primary key makes the second use of a token fail, even when two
/// requests race on two nodes.</summary>
public sealed class SpentTokenStore(PortalDbContext db)
{
    /// <summary>Returns false when one of the tokens was already spent; then none of them is marked.</summary>
    public async Task<bool> TrySpendAsync(IReadOnlyCollection<(string Kind, string Token, DateTime ExpiresAtUtc)> tokens, CancellationToken ct)
    {
        var rows = tokens.Select(t => new SpentToken { Id = Key(t.Kind, t.Token), ExpiresAtUtc = t.ExpiresAtUtc }).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        if (await db.Set<SpentToken>().AnyAsync(t => ids.Contains(t.Id), ct))
        {
            return false;
        }

        db.Set<SpentToken>().AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request spent the same token between the check and the insert.
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            return false;
        }
    }

    public Task<int> RemoveExpiredAsync(DateTime nowUtc, CancellationToken ct) =>
        db.Set<SpentToken>().Where(t => t.ExpiresAtUtc < nowUtc).ExecuteDeleteAsync(ct);

    public static string Key(string kind, string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + token))).ToLowerInvariant();
}
