using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Access;
using Comuna.Domain.Registry;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Demo;

/// <summary>
/// Loads the demo: four communes with their councils, households, residents of all ages and
/// spokespeople, one account per role, a year of two communes' books (<see cref="DemoBooks"/>) and
/// two distribution rounds of Panal 2021's first council (<see cref="DemoRounds"/>), and where the
/// planner is at hand a published food plan (<see cref="IDemoFoodPlan"/>).
/// Deterministic (the same names and ids' order every time, from a fixed seed) and idempotent: a
/// commune already there is left alone.
/// </summary>
public sealed class SeedDemo(
    IComunaDb db, UserManager<ComunaUser> users, DemoBooks books, DemoRounds rounds, IEnumerable<IDemoFoodPlan> plans, TimeProvider clock)
{
    /// <summary>The password of every demo account; the README lists the accounts.</summary>
    public const string Password = DemoCatalog.Password;

    public async Task<DemoSummary> ExecuteAsync(CancellationToken cancellationToken)
    {
        var created = false;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var nationalIdSeed = 20_000_000;
        foreach (var spec in DemoCatalog.Communes)
        {
            if (!await db.Communes.AnyAsync(c => c.Code == spec.Code, cancellationToken))
            {
                await AddCommuneAsync(spec, nationalIdSeed, today, cancellationToken);
                created = true;
            }
            nationalIdSeed += 100_000;
        }
        foreach (var spec in DemoCatalog.Users)
            created |= await AddUserAsync(spec, cancellationToken);
        created |= await books.ExecuteAsync(cancellationToken);
        created |= await rounds.ExecuteAsync(cancellationToken);
        foreach (var plan in plans)
            created |= await plan.ExecuteAsync(cancellationToken);
        return await SummaryAsync(created, cancellationToken);
    }

    private async Task AddCommuneAsync(DemoCatalog.CommuneSpec spec, int nationalIdSeed, DateOnly today, CancellationToken cancellationToken)
    {
        var parish = await FindParishAsync(spec, cancellationToken);
        // One seed per commune: adding a commune to the catalogue does not change the others.
        var random = new Random(spec.Code.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        var commune = new Commune
        {
            Id = Guid.CreateVersion7(),
            Code = spec.Code,
            Name = spec.Name,
            ParishId = parish.Id,
            FoundedOn = spec.FoundedOn,
            Charter = spec.Charter,
            Latitude = spec.Latitude,
            Longitude = spec.Longitude,
        };
        var nextNationalId = nationalIdSeed;
        var spokespeople = new List<Spokesperson>();
        for (var i = 0; i < spec.FamiliesPerCouncil.Length; i++)
        {
            var council = new CommunalCouncil
            {
                Id = Guid.CreateVersion7(),
                Code = $"{spec.Code[4..]}-CC{i + 1:00}",
                Name = $"Consejo Comunal {spec.CouncilNames[i]}",
                Kind = spec.Kind,
                ParishId = parish.Id,
                DeclaredFamilies = spec.FamiliesPerCouncil[i],
                RuleSetId = RuleSets.Default.Id,
            };
            for (var f = 0; f < spec.FamiliesPerCouncil[i]; f++)
            {
                var household = NewHousehold(council, f, spec.Kind, random);
                var size = FamilySize(random);
                var surname = Pick(DemoNames.Surnames, random);
                for (var m = 0; m < size; m++)
                    household.Members.Add(NewResident(m, surname, ref nextNationalId, today, random));
                council.Households.Add(household);
            }
            spokespeople.AddRange(ElectSpokespeople(council, today));
            commune.Councils.Add(council);
        }

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Communes.Add(commune);
        db.Spokespeople.AddRange(spokespeople);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = tracking;
    }

    private async Task<Parish> FindParishAsync(DemoCatalog.CommuneSpec spec, CancellationToken cancellationToken)
    {
        var candidates = await db.Parishes.AsNoTracking()
            .Where(p => p.Municipality!.Name == spec.Municipality && p.Municipality.FederalEntity!.Name == spec.State)
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(p => string.Equals(p.Name, spec.Parish, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"The territory has no parish {spec.Parish} in {spec.Municipality}, {spec.State}.");
    }

    private static Household NewHousehold(CommunalCouncil council, int index, CouncilKind kind, Random random)
    {
        var address = kind == CouncilKind.Urban
            ? $"{Pick(DemoNames.UrbanStreets, random)} {random.Next(1, 40)}, piso {random.Next(1, 15)}, apto {random.Next(1, 9)}"
            : $"{Pick(DemoNames.RuralPlaces, random)} {Pick(DemoNames.Surnames, random)} {random.Next(1, 60)}";
        return new Household
        {
            Id = Guid.CreateVersion7(),
            CouncilId = council.Id,
            Code = $"F{index + 1:0000}",
            Address = address,
        };
    }

    /// <summary>1 to 7 people, most often 3 or 4, as in a barrio family.</summary>
    private static int FamilySize(Random random) => random.Next(100) switch
    {
        < 8 => 1,
        < 22 => 2,
        < 48 => 3,
        < 72 => 4,
        < 87 => 5,
        < 95 => 6,
        _ => 7,
    };

    /// <summary>The first two members are adults; the others are of any age, children most often.</summary>
    private static Resident NewResident(int member, string surname, ref int nextNationalId, DateOnly today, Random random)
    {
        var female = member == 0 ? random.Next(100) < 62 : random.Next(2) == 0;
        var age = member < 2 ? random.Next(20, 80) : random.Next(100) < 60 ? random.Next(0, 18) : random.Next(18, 90);
        var birthDate = today.AddYears(-age).AddDays(-random.Next(0, 365));
        nextNationalId++;
        return new Resident
        {
            Id = Guid.CreateVersion7(),
            NationalId = $"V{nextNationalId}",
            FirstNames = Pick(female ? DemoNames.Women : DemoNames.Men, random),
            LastNames = $"{surname} {Pick(DemoNames.Surnames, random)}",
            BirthDate = birthDate,
            Sex = female ? Sex.Female : Sex.Male,
        };
    }

    /// <summary>Five spokespeople per council, from its eligible residents, elected a year ago.</summary>
    private static IEnumerable<Spokesperson> ElectSpokespeople(CommunalCouncil council, DateOnly today)
    {
        var rules = RuleSets.Default;
        var electedOn = today.AddYears(-1);
        var eligible = council.Households.SelectMany(h => h.Members)
            .Where(r => Eligibility.IsEligible(r.BirthDate, electedOn, rules.VotingAge)).Take(5).ToList();
        (SpokespersonUnit Unit, string? Committee)[] posts =
        [
            (SpokespersonUnit.Executive, "alimentación"), (SpokespersonUnit.Executive, "salud"),
            (SpokespersonUnit.Executive, "vivienda"), (SpokespersonUnit.FinanceUnit, null), (SpokespersonUnit.SocialOversight, null),
        ];
        return eligible.Select((resident, i) => new Spokesperson
        {
            Id = Guid.CreateVersion7(),
            CouncilId = council.Id,
            ResidentId = resident.Id,
            Unit = posts[i].Unit,
            Committee = posts[i].Committee,
            ElectedOn = electedOn,
            TermEndsOn = rules.TermEnd(electedOn),
        });
    }

    private async Task<bool> AddUserAsync(DemoCatalog.UserSpec spec, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(spec.Username) is not null)
            return false;
        var user = new ComunaUser { UserName = spec.Username, DisplayName = spec.DisplayName };
        var result = await users.CreateAsync(user, DemoCatalog.Password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The demo account {spec.Username} was refused: {string.Join("; ", result.Errors.Select(e => e.Description))}");

        Guid? communeId = null, councilId = null, residentId = null;
        if (spec.CommuneCode is not null)
            communeId = await db.Communes.Where(c => c.Code == spec.CommuneCode).Select(c => c.Id).SingleAsync(cancellationToken);
        if (spec.CouncilIndex is { } index)
        {
            var code = $"{spec.CommuneCode![4..]}-CC{index + 1:00}";
            councilId = await db.Councils.Where(c => c.Code == code).Select(c => c.Id).SingleAsync(cancellationToken);
            if (spec.Role == Role.Resident)
            {
                residentId = await db.Residents.Where(r => r.Household!.CouncilId == councilId)
                    .OrderBy(r => r.NationalId).Select(r => r.Id).FirstAsync(cancellationToken);
            }
        }
        // Council roles are scoped to the council; commune roles to the commune.
        var assignment = new RoleAssignment
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Role = spec.Role,
            CouncilId = councilId,
            CommuneId = councilId is null ? communeId : null,
            ResidentId = residentId,
            Committee = spec.Committee,
        };
        db.RoleAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<DemoSummary> SummaryAsync(bool created, CancellationToken cancellationToken)
    {
        var codes = DemoCatalog.Communes.Select(c => c.Code).ToList();
        var communes = await db.Communes.AsNoTracking().Where(c => codes.Contains(c.Code))
            .Select(c => new
            {
                c.Id,
                c.Code,
                c.Name,
                Councils = c.Councils.OrderBy(k => k.Code)
                    .Select(k => new { k.Id, k.Code, k.Name, k.Kind, Families = k.Households.Count() }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var usernames = DemoCatalog.Users.Select(u => u.Username).ToList();
        var accounts = await db.RoleAssignments.AsNoTracking()
            .Join(users.Users.Where(u => usernames.Contains(u.UserName!)), r => r.UserId, u => u.Id, (r, u) => new { u.UserName, r })
            .ToListAsync(cancellationToken);
        return new DemoSummary(
            communes.OrderBy(c => codes.IndexOf(c.Code)).Select(c => new DemoCommune(c.Id, c.Code, c.Name,
                c.Councils.Select(k => new DemoCouncil(k.Id, k.Code, k.Name, k.Kind.ToString().ToLowerInvariant(), k.Families)).ToList())).ToList(),
            usernames.Select(name => new DemoUser(name, DemoCatalog.Password, accounts.Where(a => a.UserName == name)
                .Select(a => new DemoRole(a.r.Role.ToWire(), a.r.CommuneId, a.r.CouncilId, a.r.ResidentId, a.r.Committee)).ToList())).ToList(),
            created);
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];
}
