using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Documents;

/// <summary>The public side of the documents library: the list with its filters and look-up, a document's page, its
/// files, and the documents a search or an article names.</summary>
public sealed class DocumentLibrary(PortalDbContext db, DocumentFileStore files)
{
    public const int PageSize = 20;

    private IQueryable<LibraryDocument> Documents => db.Set<LibraryDocument>().AsNoTracking();

    public async Task<DocumentListPage> ListAsync(DocumentListQuery query, CancellationToken ct)
    {
        var rows = Documents;
        if (DocumentKinds.Find(query.Kind) is { } kind)
        {
            rows = rows.Where(d => d.Kind == kind.Code);
        }

        if (!string.IsNullOrWhiteSpace(query.Issuer))
        {
            var issuer = TextRules.Line(query.Issuer);
            rows = rows.Where(d => d.Issuer == issuer);
        }

        if (query.Year is { } year)
        {
            rows = rows.Where(d => d.IssuedOn >= new DateOnly(year, 1, 1) && d.IssuedOn <= new DateOnly(year, 12, 31));
        }

        // The library holds hundreds of documents, not millions: the look-up reads the filtered rows and matches them in
        // memory, where the reference parser and mark folding work alike on every database.
        var all = await rows.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Select(Summary).ToListAsync(ct);
        var found = Match(all, query.Lookup).ToList();
        var page = Paging.Clamp(query.Page, found.Count, PageSize);
        var issuers = await Documents.Select(d => d.Issuer).Distinct().OrderBy(i => i).ToListAsync(ct);
        var years = (await Documents.Select(d => d.IssuedOn).ToListAsync(ct)).Select(d => d.Year).Distinct().OrderDescending().ToList();
        return new DocumentListPage(found.Skip(Paging.Skip(page, PageSize)).Take(PageSize).ToList(), found.Count, page, PageSize, issuers, years);
    }

    /// <summary>The documents a search query names, best first: by reference ("chi thi 05") when it holds one, else by
    /// every word of the query in the excerpt or symbol. At most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DocumentSummary>> MatchQueryAsync(string? query, int max, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var all = await Documents.OrderByDescending(d => d.IssuedOn).Select(Summary).ToListAsync(ct);
        return Match(all, query).Take(max).ToList();
    }

    public async Task<DocumentDetails?> FindAsync(string slug, CancellationToken ct)
    {
        var row = await Documents.Where(d => d.Slug == slug)
            .Select(d => new { Summary = new DocumentSummary(d.Id, d.Kind, d.Symbol, d.Slug, d.Excerpt, d.Issuer, d.IssuedOn, d.Validity), d.Signer, d.ReplacedById, d.UpdatedAtUtc })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var id = row.Summary.Id;
        var fileRows = await db.Set<LibraryDocumentFile>().AsNoTracking().Where(f => f.DocumentId == id).OrderBy(f => f.Id)
            .Select(f => new DocumentFileSummary(f.Id, f.FileName, f.ContentType, f.SizeBytes)).ToListAsync(ct);
        var replacedBy = row.ReplacedById is { } next ? await Documents.Where(d => d.Id == next).Select(Summary).SingleOrDefaultAsync(ct) : null;
        var replaces = await Documents.Where(d => d.ReplacedById == id).Select(Summary).ToListAsync(ct);
        return new DocumentDetails(row.Summary, row.Signer, fileRows, replacedBy, replaces, row.UpdatedAtUtc);
    }

    /// <summary>The same page by id, for the editor.</summary>
    public async Task<DocumentDetails?> FindAsync(int id, CancellationToken ct) =>
        await Documents.Where(d => d.Id == id).Select(d => d.Slug).SingleOrDefaultAsync(ct) is { } slug ? await FindAsync(slug, ct) : null;

    public async Task<DocumentFileDownload?> OpenFileAsync(int fileId, CancellationToken ct)
    {
        var file = await db.Set<LibraryDocumentFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null)
        {
            return null;
        }

        var path = files.PhysicalPath(file.StoredName);
        return File.Exists(path) ? new DocumentFileDownload(file.FileName, file.ContentType, path, file.SizeBytes, file.UploadedAtUtc) : null;
    }

    public async Task<List<DocumentLinkTarget>> LinkTargetsAsync(CancellationToken ct) =>
        (await Documents.Select(d => new { d.ReferenceKey, d.KindNumberKey, d.Slug, d.Kind, d.Symbol }).ToListAsync(ct))
        .Select(d => new DocumentLinkTarget(d.ReferenceKey, d.KindNumberKey, d.Slug, DocumentRules.Title(d.Kind, d.Symbol)))
        .ToList();

    /// <summary>Every document's page and last change, for the sitemap.</summary>
    public Task<List<(string Slug, DateTime UpdatedAtUtc)>> SitemapAsync(CancellationToken ct) =>
        Documents.OrderBy(d => d.Id).Select(d => new ValueTuple<string, DateTime>(d.Slug, d.UpdatedAtUtc)).ToListAsync(ct);

    /// <summary>The admin list: every document, newest first.</summary>
    public Task<List<DocumentSummary>> ListAllAsync(CancellationToken ct) =>
        Documents.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Select(Summary).ToListAsync(ct);

    /// <summary>The rows a look-up names: by reference when it holds one (a reference without issuer names every
    /// issuer's), else by every folded word in the symbol, kind and excerpt.</summary>
    private static IEnumerable<DocumentSummary> Match(IEnumerable<DocumentSummary> rows, string? lookup)
    {
        if (string.IsNullOrWhiteSpace(lookup))
        {
            return rows;
        }

        var references = DocumentReferenceParser.ParseQuery(lookup);
        if (references.Count > 0)
        {
            return rows.Where(r => DocumentReferenceParser.ForDocument(r.Kind, r.Symbol) is { } own && references.Any(q => q.Names(own)));
        }

        var words = VietnameseText.Fold(lookup).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return rows.Where(r =>
        {
            var text = VietnameseText.Fold(r.Title + " " + r.Excerpt + " " + r.Issuer);
            return words.All(w => text.Contains(w, StringComparison.Ordinal));
        });
    }

    private static readonly System.Linq.Expressions.Expression<Func<LibraryDocument, DocumentSummary>> Summary =
        d => new DocumentSummary(d.Id, d.Kind, d.Symbol, d.Slug, d.Excerpt, d.Issuer, d.IssuedOn, d.Validity);
}
