using System.Diagnostics;

namespace Comuna.Web.Tests.Pages;

/// <summary>A PDF's text as Poppler's <c>pdftotext</c> reads it back: what a person would see printed.</summary>
public static class PdfText
{
    public const string Tool = "/usr/bin/pdftotext";

    public static bool Installed => File.Exists(Tool);

    /// <summary>The text of <paramref name="pdf"/> (in its layout, columns kept apart, with <paramref name="layout"/>) and pdftotext's exit code.</summary>
    public static async Task<(string Text, int ExitCode)> ReadAsync(byte[] pdf, bool layout = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"comuna-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, ct);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Tool, layout ? ["-layout", file, "-"] : [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return (text, process.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
