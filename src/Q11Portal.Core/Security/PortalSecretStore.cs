using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Security;

/// <summary>Secrets shared by every web node: generated once, stored in <c>PortalSecrets</c>, read once per process and
/// cached. A value that cannot be read is replaced (and logged), so a lost key never leaves a feature failing.
/// <para>The value is protected with Data Protection rather than stored plain: the keys live in the same database, but
/// when <c>DataProtection:CertificatePath</c> is set they are encrypted with the certificate, and then a copy of the
/// database alone does not give away the secret. Without a certificate it is no weaker than a plain value, and the
/// price of the extra layer is small: when the keys are lost the secret is replaced, which only invalidates open
/// ALTCHA challenges and the day's address hashes.</para></summary>
public sealed class PortalSecretStore(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock, ILogger<PortalSecretStore> logger)
{
    public const int KeyBytes = 32;
    private const int Attempts = 3;
    private readonly ConcurrentDictionary<string, byte[]> cache = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>For callers that cannot await (a rate limiter's partition key); the database is read only on the
    /// first call of a process.</summary>
    public byte[] Get(string name) =>
        cache.TryGetValue(name, out var key) ? key : GetAsync(name, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The secret's <see cref="KeyBytes"/> bytes. Throws only when the database cannot be reached or the
    /// secret stays unreadable after being replaced; nothing is cached then, so the next call tries again.</summary>
    public async Task<byte[]> GetAsync(string name, CancellationToken ct)
    {
        if (cache.TryGetValue(name, out var key))
        {
            return key;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (!cache.TryGetValue(name, out key))
            {
                key = await LoadAsync(name, ct);
                cache[name] = key;
            }

            return key;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<byte[]> LoadAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var protector = dataProtection.CreateProtector("Q11Portal.Secrets", name);
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // Every path ends by reading the row back, so two nodes racing to create or replace it use the same value.
            var stored = await db.PortalSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefaultAsync(ct);
            if (stored is null)
            {
                lastFailure = await TryInsertAsync(db, name, protector, ct);
                continue;
            }

            if (TryUnprotect(protector, stored, out var key))
            {
                return key;
            }

            logger.LogWarning("The shared secret {SecretName} cannot be read (the Data Protection keys changed or the value is damaged); it is replaced by a new one", name);
            // Only the value this node failed to read is replaced: a value another node wrote meanwhile is kept.
            var fresh = NewValue(protector);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.PortalSecrets.Where(s => s.Name == name && s.Value == stored)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, fresh).SetProperty(s => s.CreatedAtUtc, now), ct);
        }

        throw new InvalidOperationException($"The shared secret {name} could not be created or read from the database.", lastFailure);
    }

    /// <summary>Inserts a new secret unless one exists; null when it was inserted, the failure when another node
    /// won the race (or the insert failed: the caller reads back either way).</summary>
    private async Task<Exception?> TryInsertAsync(PortalDbContext db, string name, IDataProtector protector, CancellationToken ct)
    {
        var row = new PortalSecret { Name = name, Value = NewValue(protector), CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.PortalSecrets.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Generated the shared secret {SecretName}", name);
            return null;
        }
        catch (DbUpdateException ex)
        {
            return ex;
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private static string NewValue(IDataProtector protector) =>
        Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(KeyBytes)));

    private static bool TryUnprotect(IDataProtector protector, string stored, out byte[] key)
    {
        try
        {
            key = protector.Unprotect(Convert.FromBase64String(stored));
            return key.Length == KeyBytes;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            key = [];
            return false;
        }
    }
}
