using SupportBot.Storage;

namespace SupportBot.Transcripts;

/// <summary>How one suggested disposition fared: taken, replaced (by what), skipped, and at what confidence it went wrong.</summary>
public sealed record DispositionReportRow(
    string Disposition,
    int Suggested,
    int Taken,
    int Skipped,
    double TakenRate,
    double? MeanConfidenceWhenTaken,
    double? MeanConfidenceWhenReplaced,
    IReadOnlyList<DispositionAlternative> ChosenInstead);

public sealed record DispositionAlternative(string Disposition, int Count);

/// <summary>Suggestions grouped by the confidence SupportBot had in them.</summary>
public sealed record ConfidenceBand(double From, double To, int Suggested, int Taken, double TakenRate);

public sealed record DispositionReport(int Cases, int Taken, IReadOnlyList<DispositionReportRow> Rows, IReadOnlyList<ConfidenceBand> Bands)
{
    private static readonly double[] BandEdges = [0, 0.5, 0.7, 0.8, 0.9, 1.0000001];

    /// <summary>Builds the report from completed cases that had a disposition suggestion.</summary>
    public static DispositionReport From(IEnumerable<TranscriptCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var decisions = cases.Select(c => c.Disposition).OfType<DispositionDecision>().Where(d => d.Suggested is not null).ToList();
        var rows = decisions
            .GroupBy(d => d.Suggested!, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var list = g.ToList();
                var taken = list.Where(d => d.Taken).ToList();
                var replaced = list.Where(d => d.Chosen is not null && !d.Taken).ToList();
                return new DispositionReportRow(
                    g.Key,
                    list.Count,
                    taken.Count,
                    list.Count(d => d.Chosen is null),
                    Rate(taken.Count, list.Count),
                    Mean(taken),
                    Mean(replaced),
                    replaced.GroupBy(d => d.Chosen!, StringComparer.OrdinalIgnoreCase)
                        .Select(a => new DispositionAlternative(a.Key, a.Count()))
                        .OrderByDescending(a => a.Count).ThenBy(a => a.Disposition, StringComparer.Ordinal)
                        .ToList());
            })
            .OrderByDescending(r => r.Suggested).ThenBy(r => r.Disposition, StringComparer.Ordinal)
            .ToList();

        var bands = new List<ConfidenceBand>();
        for (var i = 0; i < BandEdges.Length - 1; i++)
        {
            var (from, to) = (BandEdges[i], BandEdges[i + 1]);
            var inBand = decisions.Where(d => (d.Confidence ?? 0) >= from && (d.Confidence ?? 0) < to).ToList();
            var takenInBand = inBand.Count(d => d.Taken);
            bands.Add(new ConfidenceBand(from, Math.Min(to, 1), inBand.Count, takenInBand, Rate(takenInBand, inBand.Count)));
        }

        return new DispositionReport(decisions.Count, decisions.Count(d => d.Taken), rows, bands);
    }

    /// <summary>Builds the report from every case in the store (optionally narrowed), paging through it.</summary>
    public static async Task<DispositionReport> BuildAsync(ITranscriptStore store, TranscriptQuery? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var query = (filter ?? new TranscriptQuery()) with { Outcome = nameof(CaseStatus.Completed), Limit = TranscriptQuery.MaxLimit, BeforeId = null };
        var all = new List<TranscriptCase>();
        while (true)
        {
            var page = await store.FindCasesAsync(query, cancellationToken).ConfigureAwait(false);
            all.AddRange(page);
            if (page.Count < query.EffectiveLimit)
            {
                return From(all);
            }

            query = query with { BeforeId = page[^1].Id };
        }
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 3);

    private static double? Mean(List<DispositionDecision> decisions)
    {
        var confidences = decisions.Select(d => d.Confidence).OfType<double>().ToList();
        return confidences.Count == 0 ? null : Math.Round(confidences.Average(), 3);
    }
}
