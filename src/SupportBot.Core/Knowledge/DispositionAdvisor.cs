using SupportBot.Playbooks;

namespace SupportBot.Knowledge;

/// <summary>A suggested disposition and how sure SupportBot is of it.</summary>
public sealed record DispositionSuggestion(Disposition Disposition, double Confidence);

/// <summary>
/// Suggests the best-fitting dispositions for a finished playbook: the one its outcome declares first,
/// then the catalogue entries whose "use when" best matches what happened.
/// </summary>
public sealed class DispositionAdvisor
{
    private const double DeclaredConfidence = 0.9;
    private const double UnlistedDeclaredConfidence = 0.6;
    private const double AlternativeCeiling = 0.6;

    private readonly DispositionCatalog _catalog;
    private readonly Bm25KnowledgeBase _index;

    public DispositionAdvisor(DispositionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _index = new Bm25KnowledgeBase(catalog.All.Select((d, i) =>
            new KnowledgeEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name + " " + d.UseWhen, d.UseWhen, [d.Category], null, null)),
            minimumConfidence: 0.2);
    }

    public IReadOnlyList<DispositionSuggestion> Suggest(OutcomeView outcome, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var suggestions = new List<DispositionSuggestion>();
        var declared = _catalog.Find(outcome.DispositionCategory, outcome.DispositionName);
        suggestions.Add(declared is not null
            ? new DispositionSuggestion(declared, DeclaredConfidence)
            : new DispositionSuggestion(new Disposition(outcome.DispositionCategory, outcome.DispositionName, ""), UnlistedDeclaredConfidence));

        var query = $"{outcome.Title} {outcome.Note.Reason} {outcome.PlaybookTitle}";
        foreach (var hit in _index.Search(query, count + 1))
        {
            var candidate = _catalog.All[int.Parse(hit.Entry.Id, System.Globalization.CultureInfo.InvariantCulture)];
            if (suggestions.All(s => s.Disposition != candidate))
            {
                suggestions.Add(new DispositionSuggestion(candidate, Math.Round(Math.Min(AlternativeCeiling, hit.Confidence * AlternativeCeiling), 2)));
            }
        }

        return suggestions.Take(count).ToList();
    }
}
