namespace Comuna.Application.Ledger;

/// <summary>A transfer as the client sends it; <see cref="Id"/> is the client's, for safe retries.</summary>
public sealed record TransferInput(
    Guid Id, Guid DebitAccountId, Guid CreditAccountId, long Amount, string? Currency, string? Memo, Guid? DecisionId, Guid? ReversesId);
