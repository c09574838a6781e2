using Comuna.Application.Deliberation;
using Comuna.Domain.Deliberation;
using Comuna.Web.Pages.Deliberation;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Comuna.Web.Deliberation;

/// <summary>
/// The minutes as a PDF to print, sign and file: the same content as the minutes page, in the
/// reader's language, ending with the checkpoint. Content streams are left uncompressed and the
/// checkpoint is written in a WinAnsi font, so its 64 characters stand as plain text in the file:
/// anyone can find them there (grep) and compare them with the council's record.
/// </summary>
public static class MinutesPdf
{
    private static readonly XPdfFontOptions PlainText = new(PdfFontEncoding.WinAnsi);

    /// <param name="positions">The position of each agenda item by id, to place each vote under its item.</param>
    /// <param name="ofParliament">A session of the commune's parliament, whose minutes are titled as such.</param>
    public static byte[] Compose(MinutesView minutes, IReadOnlyDictionary<Guid, int> positions, IStringLocalizer localizer, bool ofParliament = false)
    {
        var minutesTitle = localizer[SittingWords.MinutesTitle(ofParliament)].Value;
        MinutesFontResolver.Install();
        var title = new XFont(MinutesFontResolver.Family, 16, XFontStyleEx.Bold);
        var heading = new XFont(MinutesFontResolver.Family, 12, XFontStyleEx.Bold);
        var strong = new XFont(MinutesFontResolver.Family, 10, XFontStyleEx.Bold);
        var body = new XFont(MinutesFontResolver.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(MinutesFontResolver.Family, 8, XFontStyleEx.Regular);
        var hash = new XFont(MinutesFontResolver.Family, 8.5, XFontStyleEx.Bold, PlainText);
        var c = minutes.Content;
        var longDate = localizer["Long date format"].Value;

        using var document = new PdfDocument();
        document.Options.CompressContentStreams = false;
        document.Info.Title = $"{minutesTitle} · {c.CouncilName}";
        document.Info.Subject = $"{localizer["Checkpoint"]}: {minutes.Checkpoint}";
        document.Info.Creator = "Comuna";
        using (var flow = new PdfFlow(document))
        {
            flow.Paragraph(minutesTitle, title);
            flow.Paragraph($"{c.CouncilName} ({c.CouncilCode})", heading);
            flow.Paragraph($"{VenezuelanTime.Format(c.StartsAtUtc, longDate)} · {c.Place}", body, 10);

            flow.Space(6);
            flow.Paragraph(localizer["Attendance and quorum"], heading);
            var met = c.QuorumRequired > 0 && c.Present >= c.QuorumRequired;
            flow.Paragraph($"{localizer["Call"]}: {(c.Call is { } call ? localizer[$"Call{call}"] : "—")}", body, 0);
            flow.Paragraph($"{localizer["Opened"]}: {(c.OpenedAtUtc is { } opened ? VenezuelanTime.Format(opened, longDate) : "—")}", body, 0);
            flow.Paragraph($"{localizer["Closed"]}: {VenezuelanTime.Format(c.ClosedAtUtc, longDate)}", body, 0);
            flow.Paragraph($"{localizer["Eligible"]}: {c.Eligible:N0} · {localizer["Quorum required"]}: {c.QuorumRequired:N0} · {localizer["Present"]}: {c.Present:N0}", body, 0);
            flow.Paragraph(met ? localizer["Quorum met"] : localizer["No quorum"], strong, 10);

            flow.Space(6);
            flow.Paragraph(localizer["Agenda"], heading);
            foreach (var item in c.Agenda)
            {
                flow.Paragraph($"{item.Position}. {item.Title}", strong, 2);
                flow.Paragraph(string.IsNullOrWhiteSpace(item.DebateSummary) ? localizer["No summary of the debate was recorded."] : item.DebateSummary, body);
                foreach (var vote in c.Votes.Where(v => PositionOf(v, positions) == item.Position))
                    Vote(flow, vote, localizer, strong, body, small);
                flow.Space(4);
            }
            if (c.Votes.Count == 0)
                flow.Paragraph(localizer["No question was put to the vote."], body);
            var others = c.Votes.Where(v => PositionOf(v, positions) is null).ToList();
            if (others.Count > 0)
            {
                flow.Space(6);
                flow.Paragraph(localizer["Other votes"], heading);
                foreach (var vote in others)
                    Vote(flow, vote, localizer, strong, body, small);
            }

            flow.Space(6);
            flow.Paragraph(localizer["Decisions and mandates"], heading);
            if (c.Decisions.Count == 0)
                flow.Paragraph(localizer["The assembly made no decision."], body);
            for (var i = 0; i < c.Decisions.Count; i++)
            {
                var d = c.Decisions[i];
                flow.Paragraph($"{i + 1}. {d.Text}", body, 0);
                if (d.MandatePurpose is not null)
                {
                    var amount = d.MandateAmountMinor is { } minor ? $" · {minor / 100m:N2} {d.MandateCurrency}" : "";
                    flow.Paragraph($"{localizer["Mandate"]}: {d.MandatePurpose}{amount} {d.MandateAction}".TrimEnd(), small);
                }
            }
            if (c.Books is { } books)
            {
                flow.Space(6);
                flow.Paragraph(localizer["The commune's books"], heading);
                if (books.Postings == 0)
                    flow.Paragraph(localizer["No posting since the previous minutes."], body);
                else
                {
                    flow.Paragraph(string.Format(localizer["Postings {0} to {1} ({2})"].Value, books.FromSequence + 1, books.ToSequence, books.Postings), body, 0);
                    foreach (var total in books.Totals)
                        flow.Paragraph($"{total.Currency}: {localizer["Income"]} {total.Income / 100m:N2} · {localizer["Spending"]} {total.Spending / 100m:N2}", body, 0);
                    flow.Paragraph($"{localizer["Hash of the last posting"]}:", small, 0);
                    flow.Line(books.LastHash ?? "", hash);
                }
            }
            flow.Space(10);

            flow.Paragraph(localizer["Checkpoint"], heading);
            flow.Paragraph(localizer[SittingWords.CheckpointHint(ofParliament)], small);
            flow.Paragraph($"{localizer["Previous checkpoint"]}:", small, 0);
            flow.Line(minutes.PreviousCheckpoint, hash);
            flow.Space(4);
            flow.Paragraph($"{localizer["Checkpoint"]}:", small, 0);
            flow.Line(minutes.Checkpoint, hash);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Vote(PdfFlow flow, MinutesVote v, IStringLocalizer localizer, XFont strong, XFont body, XFont small)
    {
        var yesNo = v.Kind == nameof(VoteKind.YesNoAbstain);
        var passed = v.Passed && v.QuorumMet;
        flow.Paragraph(v.Question, strong, 0);
        flow.Paragraph($"{localizer[v.Kind]} · {(v.Secret ? localizer["Secret ballot"] : localizer["Roll-call vote"])} · {string.Format(localizer["{0} ballots"], v.Ballots.ToString("N0"))} · {(passed ? localizer["Passed"] : localizer["Not passed"])}", body, 0);
        flow.Paragraph(string.Join(" · ", v.Counts.Select(kv => $"{(yesNo ? localizer[$"choice:{kv.Key}"].Value : kv.Key)}: {kv.Value:N0}")), body, 0);
        if (!yesNo)
            flow.Paragraph($"{localizer["Order"]}: {string.Join(" › ", v.Ranking)}", body, 0);
        flow.Paragraph($"{localizer["Last hash of the vote log"]}: {v.LogHead}", small);
    }

    private static int? PositionOf(MinutesVote vote, IReadOnlyDictionary<Guid, int> positions) =>
        vote.AgendaItemId is { } id && positions.TryGetValue(id, out var position) ? position : null;
}
