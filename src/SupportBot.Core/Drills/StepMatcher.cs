using SupportBot.Playbooks;

namespace SupportBot.Drills;

/// <summary>
/// Works out which playbook step a trainee's question to the role-play customer is about, from the words of
/// each step: its prompt, field name and id, its choices, and (counting less) its help. Words that many
/// steps share count less than words only one step has.
/// </summary>
public sealed class StepMatcher
{
    private const double PromptWeight = 1;
    private const double ChoiceWeight = 0.8;
    private const double HelpWeight = 0.35;

    /// <summary>Below this, the question is about nothing in the playbook.</summary>
    public const double MinimumScore = 0.9;

    private readonly List<(StepDefinition Step, Dictionary<string, double> Terms)> _steps;

    public StepMatcher(PlaybookDefinition playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        var raw = playbook.Steps.Select(s => (Step: s, Terms: WeightedTerms(s))).ToList();
        var documentFrequency = raw.SelectMany(s => s.Terms.Keys).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _steps = raw.Select(s => (s.Step, s.Terms.ToDictionary(
            t => t.Key,
            t => t.Value * Math.Log(1 + ((double)raw.Count / documentFrequency[t.Key])),
            StringComparer.Ordinal))).ToList();
    }

    /// <summary>The step the message asks about, or null when it fits none well enough.</summary>
    public StepDefinition? Match(string? message)
    {
        var said = DrillVocabulary.Terms(message).Distinct(StringComparer.Ordinal).ToList();
        if (said.Count == 0)
        {
            return null;
        }

        StepDefinition? best = null;
        var bestScore = 0.0;
        foreach (var (step, terms) in _steps)
        {
            var score = said.Sum(word => terms.Where(t => DrillVocabulary.Matches(word, t.Key)).Select(t => t.Value).DefaultIfEmpty(0).Max());
            if (score > bestScore)
            {
                best = step;
                bestScore = score;
            }
        }

        return bestScore >= MinimumScore ? best : null;
    }

    private static Dictionary<string, double> WeightedTerms(StepDefinition step)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(step.Prompt, PromptWeight);
        Add(step.Id.Replace('-', ' '), PromptWeight);
        Add(step.Field?.Replace('_', ' '), PromptWeight);
        foreach (var choice in step.Choices)
        {
            Add(choice.Label + " " + string.Join(' ', choice.Synonyms), ChoiceWeight);
        }

        Add(step.Help, HelpWeight);
        return terms;

        void Add(string? text, double weight)
        {
            foreach (var term in DrillVocabulary.Terms(text))
            {
                terms[term] = Math.Max(terms.GetValueOrDefault(term), weight);
            }
        }
    }
}
