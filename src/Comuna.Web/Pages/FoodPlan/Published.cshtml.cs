using Comuna.Application.FoodPlan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.FoodPlan;

/// <summary>
/// The newest published plans, to anyone, with or without an account: a published plan is public
/// (its page and the API's list already are), so the way to it must be too. Drafts are never listed.
/// </summary>
[AllowAnonymous]
public sealed class PublishedModel(SavedPlans saved) : PageModel
{
    public IReadOnlyList<SavedPlanLine> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Published = await saved.ListPublishedAsync(cancellationToken);
}
