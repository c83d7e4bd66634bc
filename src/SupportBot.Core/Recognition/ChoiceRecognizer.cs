using SupportBot.Dialogs.Prompts;

namespace SupportBot.Recognition;

/// <summary>Matches an answer to one of a list of choices.</summary>
public static class ChoiceRecognizer
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    public readonly record struct Match(Choice? Choice, IReadOnlyList<Choice> Ambiguous);

    public static Match Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return new Match(null, []);
        }

        // 1. The option's number: "2", "#2", "option 2", "the second one".
        var tokens = normalized.Split(' ');
        if (tokens.Length <= 3)
        {
            foreach (var token in tokens)
            {
                var index = int.TryParse(token, out var n) ? n - 1 : Array.IndexOf(Ordinals, token);
                if (index >= 0 && index < choices.Count)
                {
                    return new Match(choices[index], []);
                }
            }
        }

        // 2. Exactly a label, value or synonym.
        var exact = choices.Where(c => Names(c).Contains(normalized)).ToList();
        if (exact.Count == 1)
        {
            return new Match(exact[0], []);
        }

        // 3. A label, value or synonym said as whole words inside a longer answer; the longest wins.
        var padded = " " + normalized + " ";
        var contained = choices
            .Select(c => (Choice: c, Length: Names(c).Where(n => padded.Contains(" " + n + " ", StringComparison.Ordinal)).Select(n => n.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Length > 0)
            .OrderByDescending(x => x.Length)
            .ToList();
        if (contained.Count == 1 || (contained.Count > 1 && contained[0].Length > contained[1].Length))
        {
            return new Match(contained[0].Choice, []);
        }

        if (contained.Count > 1)
        {
            return new Match(null, contained.Where(x => x.Length == contained[0].Length).Select(x => x.Choice).ToList());
        }

        // 4. A near-miss spelling of a whole name, or of its words with spaces dropped ("xpro" for "x pro").
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        var near = choices
            .Where(c => Names(c).Any(n => EditDistance.IsNearMiss(normalized, n) || EditDistance.IsNearMiss(compact, n.Replace(" ", "", StringComparison.Ordinal))))
            .ToList();
        return near.Count switch
        {
            1 => new Match(near[0], []),
            > 1 => new Match(null, near),
            _ => new Match(null, []),
        };
    }

    private static HashSet<string> Names(Choice choice)
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            TextNormalizer.Normalize(choice.Label),
            TextNormalizer.Normalize(choice.Value),
        };
        foreach (var synonym in choice.Synonyms ?? [])
        {
            names.Add(TextNormalizer.Normalize(synonym));
        }

        names.Remove("");
        return names;
    }
}
