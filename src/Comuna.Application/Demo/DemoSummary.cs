namespace Comuna.Application.Demo;

/// <summary>What <c>comuna demo --json</c> prints: the demo's communes, councils and accounts.</summary>
public sealed record DemoSummary(IReadOnlyList<DemoCommune> Communes, IReadOnlyList<DemoUser> Users, bool Created);

public sealed record DemoCommune(Guid Id, string Code, string Name, IReadOnlyList<DemoCouncil> Councils);

public sealed record DemoCouncil(Guid Id, string Code, string Name, string Kind, int Families);

public sealed record DemoUser(string Username, string Password, IReadOnlyList<DemoRole> Roles);

public sealed record DemoRole(string Role, Guid? CommuneId, Guid? CouncilId, Guid? ResidentId, string? Committee);
