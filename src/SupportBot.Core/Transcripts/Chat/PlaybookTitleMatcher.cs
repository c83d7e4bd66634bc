using SupportBot.Playbooks;
using SupportBot.Recognition;

namespace SupportBot.Transcripts.Chat;

/// <summary>What some words of a filter say about the playbook: the one they name, or the several they fit equally.</summary>
/// <param name="Matched">The words that fit the chosen playbook (or any of the tied ones).</param>
public sealed record PlaybookWordsMatch(IReadOnlyList<PlaybookDefinition> Playbooks, IReadOnlyList<string> Matched);

/// <summary>
/// Picks a playbook from words of its title or id ("battery", "missing camera"): the playbook that the most words fit
/// wins; when several fit equally well the words are ambiguous. A word fits a title word when they are equal or one
/// starts the other and is at least four letters ("camera" fits "cameras").
/// </summary>
public sealed class PlaybookTitleMatcher
{
    private static readonly HashSet<string> TitleStopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "or", "of", "to", "in", "on", "for", "from", "with", "is", "not", "no", "but", "by", "says", "there",
    };

    private readonly List<(PlaybookDefinition Playbook, string[] Words)> _playbooks;

    public PlaybookTitleMatcher(PlaybookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _playbooks = catalog.Playbooks
            .Select(p => (p, TextNormalizer.Tokens(p.Title).Concat(p.Id.Split('-', StringSplitOptions.RemoveEmptyEntries))
                .Where(w => !TitleStopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToArray()))
            .ToList();
    }

    /// <summary>The best-fitting playbooks for <paramref name="words"/> (lower-case), or none when no word fits any.</summary>
    public PlaybookWordsMatch Match(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var scored = _playbooks
            .Select(p => (p.Playbook, Matched: words.Where(w => p.Words.Any(t => Fits(w, t))).ToList()))
            .Where(s => s.Matched.Count > 0)
            .ToList();
        if (scored.Count == 0)
        {
            return new PlaybookWordsMatch([], []);
        }

        var best = scored.Max(s => s.Matched.Count);
        var top = scored.Where(s => s.Matched.Count == best).ToList();
        return new PlaybookWordsMatch(top.Select(s => s.Playbook).ToList(), words.Where(w => top.Any(s => s.Matched.Contains(w))).ToList());
    }

    private static bool Fits(string word, string titleWord) =>
        word == titleWord
        || (word.Length >= 4 && titleWord.StartsWith(word, StringComparison.Ordinal))
        || (titleWord.Length >= 4 && word.StartsWith(titleWord, StringComparison.Ordinal));
}
