using System.Text.Json;
using System.Text.Json.Serialization;
using Comuna.Application.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry.Territory;

/// <summary>
/// Loads Venezuela's states, municipalities and parishes (shipped with Comuna, CC BY 4.0) once.
/// Ids are derived from positions so that every installation agrees on them: the Capital
/// District is 24, its Libertador municipality 2401, and that municipality's parishes 240101 ….
/// </summary>
public sealed class LoadTerritory(IComunaDb db)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (await db.FederalEntities.AnyAsync(cancellationToken))
            return 0;
        var states = await ReadAsync(cancellationToken);
        foreach (var state in states)
        {
            var entity = new FederalEntity { Id = state.Id, Name = state.Name, Capital = state.Capital, IsoCode = state.Iso };
            for (var m = 0; m < state.Municipalities.Count; m++)
            {
                var source = state.Municipalities[m];
                var municipality = new Municipality { Id = (state.Id * 100) + m + 1, Name = source.Name, Capital = source.Capital };
                for (var p = 0; p < source.Parishes.Count; p++)
                    municipality.Parishes.Add(new Parish { Id = (municipality.Id * 100) + p + 1, Name = source.Parishes[p] });
                entity.Municipalities.Add(municipality);
            }
            db.FederalEntities.Add(entity);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return states.Count;
    }

    private static async Task<List<StateRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(LoadTerritory).Assembly.GetManifestResourceStream("venezuela-territory.json")
            ?? throw new InvalidOperationException("The territory file is not embedded in Comuna.Application.");
        return await JsonSerializer.DeserializeAsync<List<StateRecord>>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("The territory file is empty.");
    }

    private sealed record StateRecord(
        [property: JsonPropertyName("id_estado")] int Id,
        [property: JsonPropertyName("estado")] string Name,
        [property: JsonPropertyName("capital")] string Capital,
        [property: JsonPropertyName("iso_31662")] string Iso,
        [property: JsonPropertyName("municipios")] List<MunicipalityRecord> Municipalities);

    private sealed record MunicipalityRecord(
        [property: JsonPropertyName("municipio")] string Name,
        [property: JsonPropertyName("capital")] string Capital,
        [property: JsonPropertyName("parroquias")] List<string> Parishes);
}
