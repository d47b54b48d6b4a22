using QRCoder;

namespace FinanceTracker.Web.Components.Pages.Settings;

/// <summary>The authenticator-app enrolment: the otpauth URI, its QR code as a PNG data URI, and the key for typing.</summary>
public static class TotpQrCode
{
    public const string Issuer = "FinanceTracker";

    public static string Uri(string email, string sharedKey) =>
        $"otpauth://totp/{Issuer}:{System.Uri.EscapeDataString(email)}?secret={sharedKey}&issuer={Issuer}&digits=6";

    /// <summary>Dark modules on white whatever the theme, with the quiet zone, so every camera reads it.</summary>
    public static string PngDataUri(string email, string sharedKey)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(email, sharedKey), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>"JBSW Y3DP EHPK 3PXP": groups of four are easier to copy by hand.</summary>
    public static string Grouped(string sharedKey) =>
        string.Join(' ', sharedKey.Replace(" ", "").ToUpperInvariant().Chunk(4).Select(c => new string(c)));
}
