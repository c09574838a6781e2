using System.Globalization;
using Comuna.Planning.FoodPlan;
using Comuna.Web.Deliberation;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Comuna.Web.FoodPlan;

/// <summary>
/// A plan's shipments as delivery orders to print and hand out: one section per producing (or
/// importing) commune with what it sends where, then one per receiving commune with what it
/// should receive and from whom, so each commune can act on its own page. With <c>sought</c>, only
/// the pages of those communes: what they send and what they receive.
/// </summary>
public static class DeliveryOrdersPdf
{
    public static byte[] Compose(PlanResult result, PlanNames names, IStringLocalizer localizer, Func<string, bool>? sought = null)
    {
        MinutesFontResolver.Install();
        var title = new XFont(MinutesFontResolver.Family, 16, XFontStyleEx.Bold);
        var heading = new XFont(MinutesFontResolver.Family, 12, XFontStyleEx.Bold);
        var body = new XFont(MinutesFontResolver.Family, 10, XFontStyleEx.Regular);
        sought ??= _ => true;
        string Amount(Shipment s) =>
            $"{s.Quantity.ToString("N2", CultureInfo.CurrentCulture)} {names.Unit(s.Product)} {names.Product(s.Product)}".Trim();
        string Origin(Shipment s) => s.Origin == "import" ? localizer["Imported"] : localizer["Domestic"];

        using var document = new PdfDocument();
        document.Info.Title = localizer["Delivery orders"];
        document.Info.Creator = "Comuna";
        using (var flow = new PdfFlow(document))
        {
            flow.Paragraph(localizer["Delivery orders"], title);
            flow.Paragraph($"{localizer["Policy"]}: {PlanPolicyNames.Of(result.Policy, localizer)} · {localizer["Status"]}: {PlanStatusNames.Of(result.Status, localizer)}", body, 10);

            flow.Paragraph(localizer["What each commune sends"], heading, 6);
            foreach (var from in result.Shipments.GroupBy(s => s.From).Where(g => sought(g.Key)).OrderBy(g => names.Place(g.Key), StringComparer.CurrentCulture))
            {
                flow.Paragraph(names.Place(from.Key), heading, 2);
                foreach (var s in from.OrderBy(s => names.Place(s.To), StringComparer.CurrentCulture).ThenBy(s => s.Product, StringComparer.Ordinal))
                    flow.Paragraph($"→ {names.Place(s.To)}: {Amount(s)} ({Origin(s)})", body, 0);
                flow.Space(8);
            }

            flow.Paragraph(localizer["What each commune receives"], heading, 6);
            foreach (var to in result.Shipments.GroupBy(s => s.To).Where(g => sought(g.Key)).OrderBy(g => names.Place(g.Key), StringComparer.CurrentCulture))
            {
                flow.Paragraph(names.Place(to.Key), heading, 2);
                foreach (var s in to.OrderBy(s => names.Place(s.From), StringComparer.CurrentCulture).ThenBy(s => s.Product, StringComparer.Ordinal))
                    flow.Paragraph($"← {names.Place(s.From)}: {Amount(s)} ({Origin(s)})", body, 0);
                flow.Space(8);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
