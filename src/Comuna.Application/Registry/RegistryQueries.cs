using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>
/// The registry as people browse it: state › municipality › parish › commune › council ›
/// household › resident, with counts at each level. Summaries are public; households and
/// residents go only to those <see cref="RegistryAccess"/> allows, and others get not-found.
/// </summary>
public sealed class RegistryQueries(IComunaDb db, PopulationStatistics statistics)
{
    public async Task<IReadOnlyList<StateView>> StatesAsync(CancellationToken cancellationToken)
    {
        var counts = await statistics.ByAsync(c => c.Parish!.Municipality!.FederalEntityId, null, cancellationToken);
        var states = await db.FederalEntities.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return states.Select(s => new StateView(s.Id, s.Name, s.Capital, s.IsoCode, counts.GetValueOrDefault(s.Id, PopulationCounts.Zero))).ToList();
    }

    public async Task<Result<(StateView State, IReadOnlyList<MunicipalityView> Municipalities)>> StateAsync(
        int stateId, CancellationToken cancellationToken)
    {
        var state = await db.FederalEntities.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stateId, cancellationToken);
        if (state is null)
            return Error.NotFound("state", stateId);
        var counts = await statistics.ByAsync(
            c => c.Parish!.MunicipalityId, c => c.Parish!.Municipality!.FederalEntityId == stateId, cancellationToken);
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => m.FederalEntityId == stateId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        var total = Sum(counts.Values);
        return (new StateView(state.Id, state.Name, state.Capital, state.IsoCode, total),
            municipalities.Select(m => new MunicipalityView(m.Id, m.FederalEntityId, m.Name, m.Capital,
                counts.GetValueOrDefault(m.Id, PopulationCounts.Zero))).ToList());
    }

    public async Task<Result<(MunicipalityView Municipality, IReadOnlyList<ParishView> Parishes)>> MunicipalityAsync(
        int municipalityId, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Id == municipalityId, cancellationToken);
        if (municipality is null)
            return Error.NotFound("municipality", municipalityId);
        var counts = await statistics.ByAsync(c => c.ParishId, c => c.Parish!.MunicipalityId == municipalityId, cancellationToken);
        var parishes = await db.Parishes.AsNoTracking()
            .Where(p => p.MunicipalityId == municipalityId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return (new MunicipalityView(municipality.Id, municipality.FederalEntityId, municipality.Name, municipality.Capital, Sum(counts.Values)),
            parishes.Select(p => new ParishView(p.Id, p.MunicipalityId, p.Name, counts.GetValueOrDefault(p.Id, PopulationCounts.Zero))).ToList());
    }

    public async Task<Result<(ParishView Parish, IReadOnlyList<CommuneView> Communes, IReadOnlyList<CouncilView> Councils)>> ParishAsync(
        int parishId, CancellationToken cancellationToken)
    {
        var parish = await db.Parishes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == parishId, cancellationToken);
        if (parish is null)
            return Error.NotFound("parish", parishId);
        var communes = await CommunesAsync(c => c.ParishId == parishId, cancellationToken);
        var councils = await CouncilsAsync(c => c.ParishId == parishId && c.CommuneId == null, cancellationToken);
        var total = await statistics.TotalAsync(c => c.ParishId == parishId, cancellationToken);
        return (new ParishView(parish.Id, parish.MunicipalityId, parish.Name, total), communes, councils);
    }

    public async Task<Result<PlaceView>> PlaceAsync(int parishId, CancellationToken cancellationToken)
    {
        var place = await db.Parishes.AsNoTracking().Where(p => p.Id == parishId)
            .Select(p => new PlaceView(p.Municipality!.FederalEntityId, p.Municipality.FederalEntity!.Name,
                p.MunicipalityId, p.Municipality.Name, p.Id, p.Name))
            .FirstOrDefaultAsync(cancellationToken);
        return place is null ? Error.NotFound("parish", parishId) : place;
    }

    public Task<IReadOnlyList<CommuneView>> CommunesAsync(CancellationToken cancellationToken) =>
        CommunesAsync(null, cancellationToken);

    /// <summary>
    /// One page of the communes by name, each with its counts: the country has some 3,000, and the
    /// counts of a page's communes are all a page needs to compute. A page past the last is empty,
    /// as in the census's lists, so that a client reading page after page until one comes back
    /// empty stops.
    /// </summary>
    public async Task<Page<CommuneView>> CommunesPageAsync(int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Paging.Clamp(page, pageSize);
        var total = await db.Communes.CountAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<CommuneView>(await ViewsAsync(communes, cancellationToken), number, size, total);
    }

    public async Task<Result<CommuneView>> CommuneAsync(Guid communeId, CancellationToken cancellationToken)
    {
        var found = await CommunesAsync(c => c.Id == communeId, cancellationToken);
        return found.Count == 0 ? Error.NotFound("commune", communeId) : found[0];
    }

    /// <summary>
    /// The communes <paramref name="actor"/> may register a council into, by name, without their
    /// counts: what the registration form offers (a commune's admin sees their commune, not 3,000).
    /// With <paramref name="stateId"/>, only those whose seat is in that state: the national
    /// coordination registering a council in a known parish chooses among its state's communes.
    /// </summary>
    public async Task<IReadOnlyList<CommuneChoice>> RegistrableCommunesAsync(Actor actor, int? stateId, CancellationToken cancellationToken)
    {
        var communes = RegistryAccess.RegistrableCommunes(db, actor).AsNoTracking();
        if (stateId is { } state)
            communes = communes.Where(c => c.Parish!.Municipality!.FederalEntityId == state);
        return await communes.OrderBy(c => c.Name)
            .Select(c => new CommuneChoice(c.Id, c.Code, c.Name, c.ParishId)).ToListAsync(cancellationToken);
    }

    /// <summary>The communes among <paramref name="codes"/> (registry codes, or anything else a plan names its places by), by code.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> CommuneIdsByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        codes.Count == 0
            ? new Dictionary<string, Guid>()
            : await db.Communes.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>The registry code of the commune; null for an unknown commune.</summary>
    public async Task<string?> CommuneCodeAsync(Guid communeId, CancellationToken cancellationToken) =>
        await db.Communes.Where(c => c.Id == communeId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The parish of the commune's seat; null for an unknown commune.</summary>
    public async Task<int?> CommuneParishAsync(Guid communeId, CancellationToken cancellationToken) =>
        await db.Communes.Where(c => c.Id == communeId).Select(c => (int?)c.ParishId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether <paramref name="actor"/> may register a council into the commune (the commune's page offers it only then).</summary>
    public Task<bool> CanRegisterCouncilAsync(Actor actor, Guid communeId, CancellationToken cancellationToken) =>
        RegistryAccess.CanRegisterCouncilAsync(db, actor, communeId, cancellationToken);

    /// <summary>
    /// The councils and communes where <paramref name="actor"/> holds a role, by name, councils
    /// first (a national coordinator's role covers everything and names no place, so it adds none).
    /// </summary>
    public async Task<IReadOnlyList<Participation>> ParticipationsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var councilIds = actor.Roles.Where(r => r.CouncilId is not null).Select(r => r.CouncilId!.Value).Distinct().ToList();
        var communeIds = actor.Roles.Where(r => r.CommuneId is not null).Select(r => r.CommuneId!.Value).Distinct().ToList();
        if (councilIds.Count == 0 && communeIds.Count == 0)
            return [];
        var councils = await db.Councils.AsNoTracking().Where(c => councilIds.Contains(c.Id))
            .Select(c => new Participation(c.Id, c.Name, true)).ToListAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().Where(c => communeIds.Contains(c.Id))
            .Select(c => new Participation(c.Id, c.Name, false)).ToListAsync(cancellationToken);
        return [.. councils.OrderBy(c => c.Name, StringComparer.CurrentCulture), .. communes.OrderBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    public async Task<Result<IReadOnlyList<CouncilView>>> CouncilsOfCommuneAsync(Guid communeId, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        return Result<IReadOnlyList<CouncilView>>.Success(await CouncilsAsync(c => c.CommuneId == communeId, cancellationToken));
    }

    public async Task<Result<CouncilView>> CouncilAsync(Guid councilId, CancellationToken cancellationToken)
    {
        var found = await CouncilsAsync(c => c.Id == councilId, cancellationToken);
        return found.Count == 0 ? Error.NotFound("council", councilId) : found[0];
    }

    public async Task<Result<CouncilView>> CouncilByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var found = await CouncilsAsync(c => c.Code == code, cancellationToken);
        return found.Count == 0 ? new Error("council-not-found", $"No council with code {code}.", ErrorKind.NotFound) : found[0];
    }

    /// <summary>The council's spokespeople, sitting ones first. Public: a community knows who speaks for it.</summary>
    public async Task<Result<IReadOnlyList<SpokespersonView>>> SpokespeopleAsync(Guid councilId, CancellationToken cancellationToken)
    {
        if (!await db.Councils.AnyAsync(c => c.Id == councilId, cancellationToken))
            return Error.NotFound("council", councilId);
        var today = statistics.Today;
        var rows = await db.Spokespeople.AsNoTracking().Where(s => s.CouncilId == councilId)
            .Select(s => new { s.Id, s.ResidentId, s.Resident!.FirstNames, s.Resident.LastNames, s.Unit, s.Committee, s.ElectedOn, s.TermEndsOn, s.ElectedInVoteId })
            .ToListAsync(cancellationToken);
        return rows
            .Select(s => new SpokespersonView(
                s.Id, s.ResidentId, $"{s.FirstNames} {s.LastNames}", s.Unit, s.Committee, s.ElectedOn, s.TermEndsOn, s.TermEndsOn > today, s.ElectedInVoteId))
            .OrderByDescending(s => s.InOffice).ThenBy(s => s.Unit).ThenBy(s => s.Committee).ToList();
    }

    /// <summary>The households of a council, to those who may read its census.</summary>
    public async Task<Result<Page<HouseholdView>>> HouseholdsAsync(
        Actor actor, Guid councilId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null || !RegistryAccess.CanReadCensus(actor, council))
            return Error.NotFound("council", councilId);
        var (number, size) = Paging.Clamp(page, pageSize);
        var query = db.Households.AsNoTracking().Where(h => h.CouncilId == councilId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(h => h.Code).Skip((number - 1) * size).Take(size)
            .Select(h => new HouseholdView(h.Id, h.CouncilId, h.Code, h.Address, h.Members.Count))
            .ToListAsync(cancellationToken);
        return new Page<HouseholdView>(items, number, size, total);
    }

    /// <summary>The residents of a council, to those who may read its census.</summary>
    public async Task<Result<Page<ResidentView>>> ResidentsAsync(
        Actor actor, Guid councilId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null || !RegistryAccess.CanReadCensus(actor, council))
            return Error.NotFound("council", councilId);
        var (number, size) = Paging.Clamp(page, pageSize);
        var query = db.Residents.AsNoTracking().Where(r => r.Household!.CouncilId == councilId);
        var total = await query.CountAsync(cancellationToken);
        var residents = await query.OrderBy(r => r.LastNames).ThenBy(r => r.FirstNames).ThenBy(r => r.NationalId)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Page<ResidentView>(residents.Select(ToView).ToList(), number, size, total);
    }

    /// <summary>The council's resident with this cédula as written on paper, for those who read its
    /// census (who enter rosters and paper signatures); not found for anyone else.</summary>
    public async Task<Result<Guid>> ResidentByNationalIdAsync(Actor actor, Guid councilId, string? nationalId, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null || !RegistryAccess.CanReadCensus(actor, council))
            return Error.NotFound("council", councilId);
        var found = await NationalIdLookup.FindAsync(db.Residents.Where(r => r.Household!.CouncilId == councilId), nationalId, cancellationToken);
        return found.IsSuccess ? found.Value.Id : found.Error;
    }

    /// <summary>One household with its members, to those who read its council's census and to the
    /// residents who live in it.</summary>
    public async Task<Result<(HouseholdView Household, IReadOnlyList<ResidentView> Members)>> HouseholdAsync(
        Actor actor, Guid householdId, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.Council).Include(h => h.Members)
            .FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null || !await RegistryAccess.CanReadHouseholdAsync(db, actor, household.Council!, householdId, cancellationToken))
            return Error.NotFound("household", householdId);
        var view = new HouseholdView(household.Id, household.CouncilId, household.Code, household.Address, household.Members.Count);
        return (view, household.Members.OrderBy(m => m.BirthDate).Select(ToView).ToList());
    }

    /// <summary>The households a signed-in resident lives in (normally one).</summary>
    public async Task<IReadOnlyList<HouseholdView>> MyHouseholdsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var residentIds = actor.Roles.Where(r => r.ResidentId is not null).Select(r => r.ResidentId!.Value).ToList();
        if (residentIds.Count == 0)
            return [];
        return await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id))
            .Select(r => new HouseholdView(r.HouseholdId, r.Household!.CouncilId, r.Household.Code, r.Household.Address, r.Household.Members.Count))
            .Distinct().ToListAsync(cancellationToken);
    }

    public ResidentView ToView(Resident r) => new(
        r.Id, r.NationalId, r.HouseholdId, r.FirstNames, r.LastNames, r.BirthDate, r.Sex,
        Eligibility.IsEligible(r.BirthDate, statistics.Today, RuleSets.Default.VotingAge));

    private async Task<IReadOnlyList<CommuneView>> CommunesAsync(
        System.Linq.Expressions.Expression<Func<Commune, bool>>? filter, CancellationToken cancellationToken)
    {
        var query = db.Communes.AsNoTracking();
        if (filter is not null)
            query = query.Where(filter);
        return await ViewsAsync(await query.OrderBy(c => c.Name).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The communes with their counts, computed for these communes only.</summary>
    private async Task<IReadOnlyList<CommuneView>> ViewsAsync(List<Commune> communes, CancellationToken cancellationToken)
    {
        var ids = communes.Select(c => c.Id).ToList();
        var counts = await statistics.ByAsync(c => c.CommuneId!.Value, c => c.CommuneId != null && ids.Contains(c.CommuneId.Value), cancellationToken);
        return communes.Select(c => new CommuneView(c.Id, c.Code, c.Name, c.ParishId, c.FoundedOn, c.Charter,
            counts.GetValueOrDefault(c.Id, PopulationCounts.Zero), c.Latitude, c.Longitude)).ToList();
    }

    private async Task<IReadOnlyList<CouncilView>> CouncilsAsync(
        System.Linq.Expressions.Expression<Func<CommunalCouncil, bool>> filter, CancellationToken cancellationToken)
    {
        var councils = await db.Councils.AsNoTracking().Where(filter).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var ids = councils.Select(c => c.Id).ToList();
        var counts = await statistics.ByAsync(c => c.Id, c => ids.Contains(c.Id), cancellationToken);
        return councils.Select(c =>
        {
            var n = counts.GetValueOrDefault(c.Id, PopulationCounts.Zero) with { Councils = 1 };
            var rules = RuleSets.Find(c.RuleSetId) ?? RuleSets.Default;
            var health = CensusHealth.Of(c.Kind, n.Families, rules);
            return new CouncilView(c.Id, c.Code, c.Name, c.Kind, c.ParishId, c.CommuneId, c.DeclaredFamilies,
                c.RuleSetId, n, CensusHealthView.Of(health));
        }).ToList();
    }

    private static PopulationCounts Sum(IEnumerable<PopulationCounts> counts) =>
        counts.Aggregate(PopulationCounts.Zero, (a, b) => new PopulationCounts(
            a.Councils + b.Councils, a.Families + b.Families, a.Residents + b.Residents, a.Eligible + b.Eligible));
}
