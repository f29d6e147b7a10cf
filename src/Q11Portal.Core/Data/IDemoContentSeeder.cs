namespace Q11Portal.Core.Data;

/// <summary>Fills an empty database with demo content. Implemented by the Q11Portal.Demo project (registered with
/// <c>AddPortalDemo</c> by the web host and the CLI), so Core ships no demo texts and no drawing code.</summary>
public interface IDemoContentSeeder
{
    /// <summary>Returns the number of articles added: 0 when the database already has articles.</summary>
    Task<int> SeedAsync(CancellationToken ct);
}
