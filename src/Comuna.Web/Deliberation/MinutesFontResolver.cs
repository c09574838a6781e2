using System.Reflection;
using PdfSharp.Fonts;

namespace Comuna.Web.Deliberation;

/// <summary>
/// Gives PDFsharp its fonts. On Linux PDFsharp finds none by itself; this serves DejaVu Sans from
/// Debian's fonts-dejavu-core when installed, and otherwise the copy embedded in this assembly, so
/// that the minutes print on any machine. DejaVu covers every letter of Spanish and more.
/// </summary>
public sealed class MinutesFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private const string SystemFolder = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The one instance: PDFsharp accepts its resolver once per process.</summary>
    public static readonly MinutesFontResolver Instance = new();

    private static readonly Lock Gate = new();

    private MinutesFontResolver()
    {
    }

    /// <summary>Installs the resolver unless it already is; every PDF is composed after this.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            // Italic is slanted by PDFsharp rather than shipped as two more font files.
            ? new FontResolverInfo(bold ? Bold : Regular, false, italic)
            : null;

    public byte[]? GetFont(string faceName)
    {
        if (faceName is not (Regular or Bold))
            return null;
        var installed = Path.Combine(SystemFolder, faceName + ".ttf");
        if (File.Exists(installed))
            return File.ReadAllBytes(installed);
        using var embedded = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Comuna.Web.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is neither installed nor embedded in Comuna.Web.");
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        return copy.ToArray();
    }
}
