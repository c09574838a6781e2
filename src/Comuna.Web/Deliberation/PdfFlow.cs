using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Comuna.Web.Deliberation;

/// <summary>
/// Text that flows down A4 pages: PDFsharp draws at coordinates, this keeps the pen's position,
/// wraps long lines at spaces and starts a new page when the current one is full.
/// </summary>
public sealed class PdfFlow : IDisposable
{
    private const double Margin = 50;

    private readonly PdfDocument _document;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    public PdfFlow(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;

    private double Bottom => _page.Height.Point - Margin;

    /// <summary>Writes <paramref name="text"/> in as many lines as it needs, each paragraph of it on its own line.</summary>
    public void Paragraph(string text, XFont font, double spaceAfter = 4)
    {
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font))
                Line(line, font);
        }
        _y += spaceAfter;
    }

    /// <summary>One line exactly as given; the caller makes sure it fits.</summary>
    public void Line(string text, XFont font)
    {
        var height = font.GetHeight();
        if (_y + height > Bottom)
            NewPage();
        _graphics.DrawString(text, font, XBrushes.Black, new XPoint(Margin, _y), XStringFormats.TopLeft);
        _y += height;
    }

    public void Space(double points) => _y += points;

    public void Dispose() => _graphics.Dispose();

    private IEnumerable<string> Wrap(string paragraph, XFont font)
    {
        if (paragraph.Length == 0)
        {
            yield return "";
            yield break;
        }
        var line = "";
        foreach (var word in paragraph.Split(' '))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (_graphics.MeasureString(candidate, font).Width <= Width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
                yield return line;
            line = word;
            // A word wider than the page (a long hash, a URL) is cut where it must be.
            while (line.Length > 1 && _graphics.MeasureString(line, font).Width > Width)
            {
                var fits = line.Length - 1;
                while (fits > 1 && _graphics.MeasureString(line[..fits], font).Width > Width)
                    fits--;
                yield return line[..fits];
                line = line[fits..];
            }
        }
        yield return line;
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
