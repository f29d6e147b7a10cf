using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Documents;

/// <summary>Editors' changes to the documents library, each one audited and written to the change log
/// (<see cref="ContentChangeLog"/>, so every node drops its cached pages) in the same unit of work.</summary>
public sealed class DocumentEditor(PortalDbContext db, AuditLog audit, DocumentFileStore files, TimeProvider clock, ILogger<DocumentEditor> logger)
{
    public const string EntityType = "Document";

    private static readonly Result Missing = Result.NotFound("Không tìm thấy văn bản này; có thể đã bị xóa.");

    public async Task<Result<int>> CreateAsync(DocumentDraft draft, string? userName, CancellationToken ct)
    {
        var document = new LibraryDocument { CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var applied = await ApplyAsync(document, draft, ct);
        if (!applied.Succeeded)
        {
            return Result<int>.From(applied);
        }

        db.Set<LibraryDocument>().Add(document);
        await db.SaveChangesAsync(ct);
        audit.Add(userName, "document.create", EntityType, document.Id.ToString(), DocumentRules.Title(document.Kind, document.Symbol));
        ContentChangeLog.Record(db, ContentKind.Document, document.Id, clock);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Document {DocumentId} ({Symbol}) created by {UserName}", document.Id, document.Symbol, userName);
        return document.Id;
    }

    public async Task<Result> UpdateAsync(int id, DocumentDraft draft, string? userName, CancellationToken ct)
    {
        var document = await db.Set<LibraryDocument>().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return Missing;
        }

        var applied = await ApplyAsync(document, draft, ct);
        if (!applied.Succeeded)
        {
            return applied;
        }

        audit.Add(userName, "document.update", EntityType, id.ToString(), DocumentRules.Title(document.Kind, document.Symbol));
        ContentChangeLog.Record(db, ContentKind.Document, id, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Deletes a document and its files. A document that another one names as its replacement stays until
    /// that link is changed, so no page points at nothing.</summary>
    public async Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var document = await db.Set<LibraryDocument>().Include(d => d.Files).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return Missing;
        }

        var replacing = await db.Set<LibraryDocument>().Where(d => d.ReplacedById == id).Select(d => d.Symbol).FirstOrDefaultAsync(ct);
        if (replacing is not null)
        {
            return Result.Conflict($"Văn bản này đang được ghi là văn bản thay thế cho {replacing}; hãy sửa văn bản đó trước.");
        }

        var stored = document.Files.Select(f => f.StoredName).ToList();
        db.Set<LibraryDocument>().Remove(document);
        audit.Add(userName, "document.delete", EntityType, id.ToString(), DocumentRules.Title(document.Kind, document.Symbol));
        ContentChangeLog.Record(db, ContentKind.Document, id, clock, ContentChangeKind.Removed);
        await db.SaveChangesAsync(ct);
        stored.ForEach(files.Delete);
        return Result.Ok;
    }

    public async Task<Result> AddFileAsync(int id, Stream content, long? declaredLength, string? fileName, string? userName, CancellationToken ct)
    {
        if (!await db.Set<LibraryDocument>().AnyAsync(d => d.Id == id, ct))
        {
            return Missing;
        }

        var saved = await files.SaveAsync(content, declaredLength, fileName, userName, ct);
        if (!saved.Succeeded)
        {
            return saved;
        }

        var file = saved.Value!;
        file.DocumentId = id;
        db.Set<LibraryDocumentFile>().Add(file);
        audit.Add(userName, "document.file.add", EntityType, id.ToString(), $"{file.FileName} ({file.SizeBytes} bytes)");
        ContentChangeLog.Record(db, ContentKind.Document, id, clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(file.StoredName);
            throw;
        }

        return Result.Ok;
    }

    public async Task<Result> DeleteFileAsync(int id, int fileId, string? userName, CancellationToken ct)
    {
        var file = await db.Set<LibraryDocumentFile>().SingleOrDefaultAsync(f => f.Id == fileId && f.DocumentId == id, ct);
        if (file is null)
        {
            return Result.NotFound("Không tìm thấy tệp này; có thể đã bị xóa.");
        }

        db.Set<LibraryDocumentFile>().Remove(file);
        audit.Add(userName, "document.file.delete", EntityType, id.ToString(), file.FileName);
        ContentChangeLog.Record(db, ContentKind.Document, id, clock);
        await db.SaveChangesAsync(ct);
        files.Delete(file.StoredName);
        return Result.Ok;
    }

    private async Task<Result> ApplyAsync(LibraryDocument document, DocumentDraft draft, CancellationToken ct)
    {
        var checkedDraft = DocumentRules.Check(draft);
        if (!checkedDraft.Succeeded)
        {
            return checkedDraft;
        }

        var clean = checkedDraft.Value!;
        var set = db.Set<LibraryDocument>();
        var key = clean.Reference.Key;
        var same = await set.Where(d => d.ReferenceKey == key && d.Id != document.Id).Select(d => d.Symbol).FirstOrDefaultAsync(ct);
        if (same is not null)
        {
            return Result.Conflict($"Thư viện đã có văn bản {same}; mỗi văn bản chỉ nhập một lần.");
        }

        int? replacedById = null;
        if (clean.ReplacedBy is { } replacement)
        {
            var candidates = await set.Where(d => d.KindNumberKey == replacement.KindNumberKey && d.Id != document.Id)
                .Select(d => new { d.Id, d.ReferenceKey }).ToListAsync(ct);
            var match = candidates.Where(c => replacement.Issuer is null || c.ReferenceKey == replacement.Key).ToList();
            if (match.Count != 1)
            {
                return Result.Invalid(match.Count == 0
                    ? "Không tìm thấy văn bản thay thế trong thư viện; hãy nhập văn bản đó trước."
                    : "Có nhiều văn bản trùng số này; hãy ghi đủ ký hiệu văn bản thay thế, ví dụ 05-CT/TW.");
            }

            replacedById = match[0].Id;
        }

        var slug = DocumentRules.SlugOf(clean.Kind, clean.Symbol);
        if (await set.AnyAsync(d => d.Slug == slug && d.Id != document.Id, ct))
        {
            slug = $"{slug}-{clean.IssuedOn.Year}";
        }

        document.Kind = clean.Kind.Code;
        document.Symbol = clean.Symbol;
        document.ReferenceKey = key;
        document.KindNumberKey = clean.Reference.KindNumberKey;
        document.Slug = slug;
        document.Excerpt = clean.Excerpt;
        document.Issuer = clean.Issuer;
        document.IssuedOn = clean.IssuedOn;
        document.Signer = clean.Signer;
        document.Validity = clean.Validity;
        document.ReplacedById = replacedById;
        document.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        return Result.Ok;
    }
}
