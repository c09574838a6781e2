using System.Globalization;
using System.Text;
using Comuna.Application.Registry.Census;

namespace Comuna.Bench.Census;

/// <summary>A deterministic census of <c>rows</c> residents, about four per household, written as
/// it is generated so that the file never sits in memory.</summary>
public static class CensusFile
{
    private static readonly string[] Women = ["María", "Ana", "Carmen", "Luisa", "Rosa", "Yelitza", "Daniela", "Josefina"];
    private static readonly string[] Men = ["José", "Luis", "Carlos", "Pedro", "Jesús", "Rafael", "Víctor", "Andrés"];
    private static readonly string[] Surnames = ["Pérez", "González", "Rodríguez", "Hernández", "García", "Martínez", "López", "Díaz", "Rojas", "Marín"];

    public static async Task<long> WriteAsync(string path, int rows)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var writer = new StreamWriter(file, CensusFormat.Encoding, 1 << 16) { NewLine = "\n" };
        await writer.WriteLineAsync(string.Join(',', CensusFormat.Columns));
        var origin = new DateOnly(1930, 1, 1);
        var line = new StringBuilder(160);
        for (var i = 0; i < rows; i++)
        {
            var household = i / 4;
            var female = i % 2 == 0;
            var first = female ? Women[i % Women.Length] : Men[i % Men.Length];
            var birth = origin.AddDays((int)((i * 7919L) % 32000));
            line.Clear()
                .Append(CultureInfo.InvariantCulture, $"H{household:0000000},V-{10_000_000 + i},{first},")
                .Append(CultureInfo.InvariantCulture, $"{Surnames[household % Surnames.Length]} {Surnames[(household / 10) % Surnames.Length]},")
                .Append(CultureInfo.InvariantCulture, $"{birth:yyyy-MM-dd},{(female ? 'F' : 'M')},")
                .Append(CultureInfo.InvariantCulture, $"\"Calle {household % 500}, casa {household}\"");
            await writer.WriteLineAsync(line);
        }
        await writer.FlushAsync();
        return file.Length;
    }
}
