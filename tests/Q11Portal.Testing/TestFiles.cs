using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Q11Portal.Testing;

/// <summary>Real files made in the test: images drawn with SkiaSharp, a hand-written EXIF segment, GIF, PDF and Office
/// packages, and the hostile ones (a decompression-bomb header, an executable, HTML) that must be refused.</summary>
public static class TestFiles
{
    /// <summary>A GPS latitude reference string that must not survive re-encoding.</summary>
    public const string GpsMarker = "Q11-GPS-SECRET";

    /// <summary>A photo-like picture: a colour gradient with a red square in the top-left corner.</summary>
    public static byte[] Image(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, bool transparent = false)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Gold], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using (var red = new SKPaint { Color = SKColors.Red })
        {
            canvas.DrawRect(0, 0, Math.Max(1, width / 4), Math.Max(1, height / 4), red);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The smallest GIF89a (1×1), written by hand because Skia has no GIF encoder.</summary>
    public static byte[] Gif() =>
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
        0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>A JPEG with an APP1 Exif segment right after SOI: camera make, the given orientation and a GPS IFD whose
    /// latitude reference holds <see cref="GpsMarker"/>.</summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 1)
    {
        var jpeg = Image(width, height);
        var tiff = new List<byte>();
        void U16(ushort v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); tiff.AddRange(b); }
        void U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); tiff.AddRange(b); }

        var make = Encoding.ASCII.GetBytes("Q11TestCam\0");
        var gpsRef = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        // Layout: header(8) | IFD0: count(2) + 3 entries(36) + next(4) = 42 → 50 | GPS IFD: 2 + 2×12 + 4 = 30 → 80 | data
        const uint ifd0 = 8, gpsIfd = 50, dataStart = 80;
        var makeOffset = dataStart;
        var gpsRefOffset = makeOffset + (uint)make.Length;
        var latOffset = gpsRefOffset + (uint)gpsRef.Length;

        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(ifd0);
        U16(3);
        U16(0x010F); U16(2); U32((uint)make.Length); U32(makeOffset);      // Make, ASCII
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);             // Orientation, SHORT
        U16(0x8825); U16(4); U32(1); U32(gpsIfd);                          // GPSInfo IFD pointer, LONG
        U32(0);
        U16(2);
        U16(0x0001); U16(2); U32((uint)gpsRef.Length); U32(gpsRefOffset);  // GPSLatitudeRef, ASCII
        U16(0x0002); U16(5); U32(3); U32(latOffset);                       // GPSLatitude, 3 RATIONAL
        U32(0);
        tiff.AddRange(make);
        tiff.AddRange(gpsRef);
        foreach (var (num, den) in new (uint, uint)[] { (10, 1), (45, 1), (3000, 100) })
        {
            U32(num);
            U32(den);
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        segment.AddRange(length);
        segment.AddRange(payload);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A valid PNG header (signature + IHDR with its CRC) declaring a huge image, followed by a tiny IDAT and
    /// IEND: a few hundred bytes that would need gigabytes once decoded.</summary>
    public static byte[] PngBomb(int width = 50_000, int height = 50_000)
    {
        var output = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;   // bit depth
        ihdr[9] = 2;   // colour type: RGB
        Chunk(output, "IHDR", ihdr);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(new byte[64 * 1024]);
            }

            Chunk(output, "IDAT", compressed.ToArray());
        }

        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>The start of a Windows executable.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[512];
        "MZ"u8.CopyTo(bytes);
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(78));
        return bytes;
    }

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    /// <summary>A small but well-formed one-page PDF.</summary>
    public static byte[] Pdf()
    {
        const string text = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>A minimal Office Open XML package: "word", "xl" or "ppt"; <paramref name="withMacros"/> adds a VBA project.</summary>
    public static byte[] OfficePackage(string app = "word", bool withMacros = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Add(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>");
            var main = app switch { "xl" => "xl/workbook.xml", "ppt" => "ppt/presentation.xml", _ => "word/document.xml" };
            Add(zip, main, "<?xml version=\"1.0\"?><document/>");
            if (withMacros)
            {
                Add(zip, $"{app}/vbaProject.bin", "macro");
            }
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }

    private static void Chunk(List<byte> output, string type, byte[] data)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        output.AddRange(header);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.AddRange(typed);
        BinaryPrimitives.WriteUInt32BigEndian(header, Crc32(typed));
        output.AddRange(header);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
