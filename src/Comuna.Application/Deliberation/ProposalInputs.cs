using Comuna.Domain.Deliberation;

namespace Comuna.Application.Deliberation;

public sealed record ProposalInput(Guid? AgendaItemId, string? Title, string? Text, Guid? OnBehalfOf);

public sealed record ArgumentInput(ArgumentSide? Side, string? Text, Guid? OnBehalfOf);

public sealed record AmendmentInput(string? Text, Guid? OnBehalfOf);

public sealed record PutToVoteInput(bool Secret, MandateTerms? Mandate);
