using Comuna.Domain.Deliberation;
using Comuna.Testing;
using Comuna.Web.FoodPlan;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Bench.Pages;

/// <summary>The demo's pages a council and its commune use most, found by their registry codes.</summary>
public static class DemoPages
{
    public static async Task<IReadOnlyList<(string Name, string Path)>> FindAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        await using var db = database.NewContext();
        var council = await db.Councils.Where(c => c.Code == "DC-PANAL2021-CC01").Select(c => c.Id).SingleAsync(cancellationToken);
        var commune = await db.Communes.Where(c => c.Code == "COM-DC-PANAL2021").Select(c => c.Id).SingleAsync(cancellationToken);
        var round = await db.DistributionRounds.Where(r => r.CouncilId == council).OrderByDescending(r => r.StartsOn).Select(r => r.Id).FirstAsync(cancellationToken);
        var session = await db.Assemblies.Where(a => a.CommuneId == commune && a.Status == AssemblyStatus.Closed).Select(a => a.Id).FirstAsync(cancellationToken);
        return
        [
            ("home", "/"),
            ("a council", $"/consejos/{council}"),
            ("its households, first page", $"/consejos/{council}/hogares"),
            ("a round (450 households' allocation)", $"/jornadas/{round}"),
            ("the round's delivery sheet", $"/jornadas/{round}/planilla"),
            ("the round's minutes", $"/jornadas/{round}/acta"),
            ("the commune's books", $"/comunas/{commune}/cuentas"),
            ("a parliament session's minutes", $"/asambleas/{session}/acta"),
            ("the published food plan", $"/plan-alimentario/ejecuciones/{DemoFoodPlan.Id}"),
            ("the territory", "/territorio"),
            ("the API: the round's allocation (JSON)", $"/api/v1/rounds/{round}/allocation"),
        ];
    }
}
