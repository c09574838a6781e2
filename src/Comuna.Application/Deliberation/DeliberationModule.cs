using Microsoft.Extensions.DependencyInjection;

namespace Comuna.Application.Deliberation;

/// <summary>The deliberation module's one registration entry point.</summary>
public static class DeliberationModule
{
    public static IServiceCollection AddDeliberation(this IServiceCollection services) => services
        .AddScoped<ConveneAssembly>()
        .AddScoped<OpenAssembly>()
        .AddScoped<CheckIn>()
        .AddScoped<CreateVote>()
        .AddScoped<OpenVote>()
        .AddScoped<CastBallot>()
        .AddSingleton<BallotBatcher>()
        .AddScoped<CloseVote>()
        .AddScoped<CloseAssembly>()
        .AddScoped<VoteCounting>()
        .AddScoped<SeatElected>()
        .AddScoped<MinutesWriter>()
        .AddScoped<DeliberationQueries>()
        .AddScoped<VerifyAssembly>()
        .AddScoped<SubmitProposal>()
        .AddScoped<ArgueProposal>()
        .AddScoped<AmendProposal>()
        .AddScoped<PutProposalToVote>()
        .AddScoped<StartRecall>()
        .AddScoped<SignRecall>()
        .AddScoped<PutRecallOnAgenda>()
        .AddScoped<AttendeeSearch>()
        .AddScoped<CheckInRoster>()
        .AddScoped<RecordDebateSummary>()
        .AddScoped<VoterStanding>()
        .AddScoped<SeatDelegate>();
}
