using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Letters;

public sealed record LetterSummary(int Id, string Name, string Subject, DateTime ReceivedAtUtc, LetterStatus Status);

public sealed record LetterPage(IReadOnlyList<LetterSummary> Items, int Total, int Page, int PageSize, int NewCount)
{
    public int PageCount => Paging.PageCount(Total, PageSize);
}

/// <summary>Storing residents' letters and the admins' inbox: list, read (marks it read), mark handled with a note,
/// reopen, delete. Letters are never shown on the public site; every admin action is audited.</summary>
public sealed class LetterService(PortalDbContext db, ClientAddressHasher hasher, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 30;

    public static string StatusName(LetterStatus status) => status switch
    {
        LetterStatus.New => "Mới",
        LetterStatus.Read => "Đã đọc",
        LetterStatus.Handled => "Đã xử lý",
        _ => status.ToString(),
    };

    /// <summary>Stores a letter the guard passed; the value is its id.</summary>
    public async Task<int> StoreAsync(CleanLetter letter, string? clientAddress, CancellationToken ct)
    {
        var row = new Letter
        {
            Name = letter.Name, Email = letter.Email, Phone = letter.Phone, Address = letter.Address,
            Subject = letter.Subject, Body = letter.Body, ReceivedAtUtc = Now, ClientHash = hasher.Hash(clientAddress),
        };
        db.Letters.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <param name="status">Null for every letter.</param>
    public async Task<LetterPage> ListAsync(LetterStatus? status, int page, CancellationToken ct)
    {
        var query = db.Letters.AsNoTracking().Where(l => status == null || l.Status == status);
        var total = await query.CountAsync(ct);
        page = Paging.Clamp(page, total, PageSize);
        var items = await query.OrderByDescending(l => l.ReceivedAtUtc).ThenByDescending(l => l.Id).Skip(Paging.Skip(page, PageSize)).Take(PageSize)
            .Select(l => new LetterSummary(l.Id, l.Name, l.Subject, l.ReceivedAtUtc, l.Status)).ToListAsync(ct);
        return new LetterPage(items, total, page, PageSize, await db.Letters.CountAsync(l => l.Status == LetterStatus.New, ct));
    }

    /// <summary>The letter for an admin to read; a new letter becomes "read" (audited: who opened a resident's letter).</summary>
    public async Task<Letter?> ReadAsync(int id, string? userName, CancellationToken ct)
    {
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is { Status: LetterStatus.New })
        {
            letter.Status = LetterStatus.Read;
            letter.ReadAtUtc = Now;
            audit.Add(userName, AuditActions.LetterRead, nameof(Letter), id.ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Subject);
            await db.SaveChangesAsync(ct);
        }

        return letter;
    }

    public Task<Result> MarkHandledAsync(int id, string? note, string? userName, CancellationToken ct) =>
        ChangeAsync(id, userName, AuditActions.LetterHandled, ct, letter =>
        {
            var clean = TextRules.Block(note);
            if (clean.Length > LetterRules.NoteMaxLength)
            {
                return Result.Invalid($"Ghi chú xử lý dài tối đa {LetterRules.NoteMaxLength:N0} ký tự.");
            }

            letter.Status = LetterStatus.Handled;
            letter.ReadAtUtc ??= Now;
            letter.HandledAtUtc = Now;
            letter.HandledBy = userName;
            letter.HandlingNote = clean.Length == 0 ? null : clean;
            return Result.Ok;
        });

    public Task<Result> ReopenAsync(int id, string? userName, CancellationToken ct) =>
        ChangeAsync(id, userName, AuditActions.LetterReopened, ct, letter =>
        {
            letter.Status = LetterStatus.Read;
            letter.HandledAtUtc = null;
            letter.HandledBy = null;
            return Result.Ok;
        });

    /// <summary>Deletes a letter (a flood, or at the sender's request); the audit entry keeps only its subject.</summary>
    public Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct) =>
        ChangeAsync(id, userName, AuditActions.LetterDeleted, ct, letter =>
        {
            db.Letters.Remove(letter);
            return Result.Ok;
        });

    /// <summary>Loads the letter, applies <paramref name="change"/>, and saves it with its audit entry.</summary>
    private async Task<Result> ChangeAsync(int id, string? userName, string action, CancellationToken ct, Func<Letter, Result> change)
    {
        var letter = await db.Letters.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
        {
            return LetterNotFound;
        }

        var result = change(letter);
        if (!result.Succeeded)
        {
            return result;
        }

        audit.Add(userName, action, nameof(Letter), IdText(id), letter.Subject);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private static string IdText(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static readonly Result LetterNotFound = Result.NotFound("Không tìm thấy thư này; có thể đã bị xóa.");
}
