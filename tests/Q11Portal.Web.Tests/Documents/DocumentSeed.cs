using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Documents;

namespace Q11Portal.Web.Tests.Documents;

/// <summary>Library documents for web tests, each with a small valid PDF.</summary>
internal static class DocumentSeed
{
    public static DocumentDraft Directive05 => new("ct", "05-CT/TW", "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Bộ Chính trị", new DateOnly(2016, 5, 15), "T/M Bộ Chính trị", DocumentValidity.InForce, null);

    public static DocumentDraft Conclusion01 => new("kl", "01-KL/TW", "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị",
        "Bộ Chính trị", new DateOnly(2021, 5, 18), null, DocumentValidity.InForce, null);

    /// <summary>Adds the documents with one PDF each; returns their ids in order.</summary>
    public static async Task<List<int>> AddAsync(IServiceProvider services, params DocumentDraft[] drafts)
    {
        await using var scope = services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<DocumentEditor>();
        var ids = new List<int>();
        foreach (var draft in drafts)
        {
            var created = await editor.CreateAsync(draft, "seed", CancellationToken.None);
            Assert.True(created.Succeeded, created.Message);
            await using var pdf = new MemoryStream(Pdf(draft.Symbol!));
            var file = await editor.AddFileAsync(created.Value, pdf, pdf.Length, Core.Common.Slug.From(draft.Symbol) + ".pdf", "seed", CancellationToken.None);
            Assert.True(file.Succeeded, file.Message);
            ids.Add(created.Value);
        }

        return ids;
    }

    /// <summary>A minimal valid one-page PDF showing <paramref name="title"/> (ASCII), with a correct cross-reference table.</summary>
    public static byte[] Pdf(string title)
    {
        var content = $"BT /F1 24 Tf 72 720 Td ({title}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
