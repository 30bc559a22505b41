using System.Buffers.Binary;
using LocalOffer.Offers.Render;

namespace LocalOffer.Offers.Theme;

/// <summary>A theme's logo: an SVG of shapes and text only (no script) or a PNG, small in bytes and pixels.</summary>
public static class ThemeLogo
{
    public static IReadOnlyList<string> Problems(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.'))
            return [$"logo '{name}' must be a file in the theme folder"];
        var svg = name.EndsWith(".svg", StringComparison.Ordinal);
        if (!svg && !name.EndsWith(".png", StringComparison.Ordinal))
            return [$"logo '{name}' must be an .svg or a .png"];
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null) return [$"logo '{name}' is not a file in the theme folder"];
        if (info.Length > CouncilTheme.MaxLogoBytes)
            return [$"logo '{name}' is {info.Length:N0} bytes; a logo is limited to {CouncilTheme.MaxLogoBytes:N0}"];
        var bytes = File.ReadAllBytes(path);
        if (svg)
        {
            string text;
            try { text = new System.Text.UTF8Encoding(false, true).GetString(bytes); }
            catch (System.Text.DecoderFallbackException) { return [$"logo '{name}' is not UTF-8 text"]; }
            return SafeSvg.Problems(text).Select(p => $"logo '{name}': {p}").ToList();
        }
        // PNG: the signature, then the IHDR chunk's width and height (big-endian).
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length < 24 || !bytes.AsSpan(0, 8).SequenceEqual(signature)
            || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            return [$"logo '{name}' is not a PNG"];
        var w = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16));
        var h = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20));
        return w > CouncilTheme.MaxLogoWidth || h > CouncilTheme.MaxLogoHeight
            ? [$"logo '{name}' is {w}x{h} pixels; at most {CouncilTheme.MaxLogoWidth}x{CouncilTheme.MaxLogoHeight}"]
            : [];
    }
}
