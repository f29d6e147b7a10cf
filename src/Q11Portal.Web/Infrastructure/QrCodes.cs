using Microsoft.AspNetCore.Html;
using QRCoder;

namespace Q11Portal.Web.Infrastructure;

/// <summary>QR codes drawn on the server as inline SVG: the secret they carry never leaves for a QR service, and an
/// inline image needs no <c>img-src</c> exception in the content security policy.</summary>
public static class QrCodes
{
    public static IHtmlContent Svg(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        // A viewBox rather than fixed pixels, so CSS sizes it for a phone or a desk screen alike.
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return new HtmlString(svg);
    }
}
