using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

public sealed record CreateCommuneInput(string? Code, string? Name, int ParishId, DateOnly? FoundedOn, string? Charter, double? Latitude = null, double? Longitude = null);

/// <summary>Registers a commune founded by its referendum. Only the national coordination registers communes.</summary>
public sealed class CreateCommune(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Commune>> ExecuteAsync(Actor actor, CreateCommuneInput input, CancellationToken cancellationToken)
    {
        if (!RegistryAccess.CanCreateCommune(actor))
            return Error.Forbidden("forbidden", "Only the national coordination registers communes.");
        var code = RegistryRules.Code(input.Code);
        if (!code.IsSuccess)
            return code.Error;
        var name = RegistryRules.Name(input.Name);
        if (!name.IsSuccess)
            return name.Error;
        if (input.FoundedOn is { } founded && founded > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            return Error.Invalid("foundedOn", $"The founding date {founded:yyyy-MM-dd} is in the future.");
        if (RegistryRules.Coordinates(input.Latitude, input.Longitude) is { } badPlace)
            return badPlace;
        if (!await db.Parishes.AnyAsync(p => p.Id == input.ParishId, cancellationToken))
            return RegistryRules.UnknownTerritory(input.ParishId);
        if (await db.Communes.AnyAsync(c => c.Code == code.Value, cancellationToken))
            return Error.Conflict("commune-code-taken", $"A commune with code {code.Value} is already registered.");

        var commune = new Commune
        {
            Id = Guid.CreateVersion7(),
            Code = code.Value,
            Name = name.Value,
            ParishId = input.ParishId,
            FoundedOn = input.FoundedOn,
            Charter = string.IsNullOrWhiteSpace(input.Charter) ? null : input.Charter.Trim(),
            Latitude = input.Latitude,
            Longitude = input.Longitude,
        };
        db.Communes.Add(commune);
        await db.SaveChangesAsync(cancellationToken);
        return commune;
    }
}
