using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Access;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;

namespace Comuna.Application.Deliberation;

/// <summary>
/// The body an assembly belongs to: a council's Citizens' Assembly (its members are the census's
/// residents aged 15 or over) or a commune's parliament (its members are the delegates in their
/// seats). Everything that differs between the two is decided here, once.
/// </summary>
public abstract record AssemblyBody
{
    public abstract Guid? CouncilId { get; }
    public abstract Guid? CommuneId { get; }
    public abstract string Code { get; }
    public abstract string Name { get; }
    public abstract string RuleSetId { get; }

    /// <summary>Who runs the sessions: convenes, takes attendance, puts and closes votes, enters paper ballots.</summary>
    public abstract bool CanRun(Actor actor);

    /// <summary>Who sees the names of those present.</summary>
    public abstract bool CanSeeNames(Actor actor);

    /// <summary>Whether the actor belongs to the body, so is told "forbidden" rather than "not found".</summary>
    public abstract bool Knows(Actor actor);

    /// <summary>The residents who may sit and vote on <paramref name="day"/>.</summary>
    public abstract IQueryable<Guid> Members(IComunaDb db, DateOnly day, RuleSet rules);

    /// <summary>Who may take part (propose, argue): for a council, every resident of its census; for a parliament, its delegates.</summary>
    public abstract IQueryable<Guid> Participants(IComunaDb db, DateOnly day);

    /// <summary>How many must be present for the body to decide.</summary>
    public abstract int QuorumRequired(int members, Call call, RuleSet rules);

    /// <summary>Where a person outside the body is refused: what to call the body in the message.</summary>
    public abstract string MemberWord { get; }
}

/// <summary>A council's Citizens' Assembly.</summary>
public sealed record CouncilBody(CommunalCouncil Council) : AssemblyBody
{
    public override Guid? CouncilId => Council.Id;
    public override Guid? CommuneId => Council.CommuneId;
    public override string Code => Council.Code;
    public override string Name => Council.Name;
    public override string RuleSetId => Council.RuleSetId;
    public override string MemberWord => "resident of this council";

    public override bool CanRun(Actor actor) => RegistryAccess.CanEditCouncil(actor, Council);

    public override bool CanSeeNames(Actor actor) => RegistryAccess.CanReadCensus(actor, Council);

    public override bool Knows(Actor actor) => CanSeeNames(actor) || actor.Roles.Any(r => r.CouncilId == Council.Id);

    public override IQueryable<Guid> Members(IComunaDb db, DateOnly day, RuleSet rules)
    {
        var cutoff = Eligibility.BornOnOrBefore(day, rules.VotingAge);
        var councilId = Council.Id;
        return db.Residents.Where(r => r.Household!.CouncilId == councilId && r.BirthDate <= cutoff).Select(r => r.Id);
    }

    public override IQueryable<Guid> Participants(IComunaDb db, DateOnly day)
    {
        var councilId = Council.Id;
        return db.Residents.Where(r => r.Household!.CouncilId == councilId).Select(r => r.Id);
    }

    public override int QuorumRequired(int members, Call call, RuleSet rules) => Quorum.Required(members, call, rules);
}

/// <summary>A commune's parliament: its delegates deliberate and vote on the commune's matters.</summary>
public sealed record ParliamentBody(Commune Commune) : AssemblyBody
{
    public override Guid? CouncilId => null;
    public override Guid? CommuneId => Commune.Id;
    public override string Code => Commune.Code;
    public override string Name => $"Parlamento Comunal {Commune.Name}";
    public override string RuleSetId => RuleSets.Default.Id;
    public override string MemberWord => "delegate of this commune's parliament";

    public override bool CanRun(Actor actor) => actor.CommunesWhere(Role.CommuneAdmin).Contains(Commune.Id);

    public override bool CanSeeNames(Actor actor) => true;

    public override bool Knows(Actor actor) => actor.Roles.Any(r => r.CommuneId == Commune.Id) || actor.IsNationalCoordinator;

    public override IQueryable<Guid> Members(IComunaDb db, DateOnly day, RuleSet rules)
    {
        var communeId = Commune.Id;
        return db.ParliamentSeats.Where(s => s.CommuneId == communeId && s.ElectedOn <= day && day < s.TermEndsOn).Select(s => s.ResidentId);
    }

    public override IQueryable<Guid> Participants(IComunaDb db, DateOnly day) => Members(db, day, RuleSets.Default);

    /// <summary>More than half of the seated delegates: a parliament is small, and a third of it deciding for a commune would be too few.</summary>
    public override int QuorumRequired(int members, Call call, RuleSet rules) => (members / 2) + 1;
}
