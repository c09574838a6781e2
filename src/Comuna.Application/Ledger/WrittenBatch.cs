using Comuna.Domain.Common;
using Comuna.Domain.Ledger;

namespace Comuna.Application.Ledger;

/// <summary>What a journal transaction answered each request, and the rows as it left them.</summary>
internal sealed record WrittenBatch(IReadOnlyList<Result<Transfer>> Outcomes, JournalBatch State);
