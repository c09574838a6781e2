using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Ledger;

/// <summary>The communal bank's one registration entry point.</summary>
public static class LedgerModule
{
    public static IServiceCollection AddLedger(this IServiceCollection services) => services
        .AddScoped<OpenAccount>()
        .AddScoped<TransferChecks>()
        .AddScoped<JournalWriter>()
        // One per process: the transfers that arrive together are committed together.
        .AddSingleton<PostingJournal, JournalBatcher>()
        .AddScoped<PostTransfer>()
        .AddScoped<ApproveTransfer>()
        .AddScoped<LedgerQueries>()
        .AddScoped<ExportJournal>()
        .AddScoped<VerifyLedger>();
}
