using SupportBot.Knowledge;
using SupportBot.Recognition;

namespace SupportBot.Drills;

/// <summary>
/// The quiz questions SupportBot can ask, made from the knowledge entries that have a short factual
/// answer. The key terms of an answer are its most distinctive words across the whole knowledge file,
/// favouring its first sentence and leaving out words the question already gives away.
/// </summary>
public sealed class QuizBank
{
    public const int DefaultMaxAnswerWords = 45;
    private const int MaxKeyTerms = 4;
    private const double FirstSentenceBoost = 2;
    private const double TagBoost = 2;

    // A key term scoring under this share of the best one is incidental wording, not a fact to look for.
    private const double MinShareOfBest = 0.4;

    // Everyday words that are rare in the knowledge (so they look distinctive) but are never the fact asked for.
    private static readonly HashSet<string> Incidental = new(StringComparer.Ordinal)
    {
        "come", "came", "hear", "heard", "theyre", "because", "word", "even", "most", "built", "something", "within",
        "top", "give", "try", "yourself", "whether", "why", "stay", "goe", "look", "use", "used", "keep", "find", "show",
        "take", "over", "down", "away", "back", "once", "much", "many", "lot", "whole", "sound", "shape", "line",
        "correct", "right", "good", "better", "best", "new", "next", "last", "long", "able", "already", "actually",
        "usually", "normally", "explicitly", "particular", "appropriate", "certain", "possible", "later",
        "anyth", "everyth", "someth", "must", "someone", "anyone", "everyone", "plu", "fine", "written", "write", "made", "work", "works",
        "mean", "means", "part", "point", "really", "thing", "time", "way", "where", "while", "whole", "yes", "done",
        "answer", "question", "depend", "otherwise", "further", "extra", "main", "general", "usual", "exist", "full",
    };

    private readonly Dictionary<string, QuizQuestion> _byId;

    public QuizBank(IEnumerable<KnowledgeEntry> entries, int maxAnswerWords = DefaultMaxAnswerWords)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.ToList();
        var documentFrequency = all
            .SelectMany(e => DrillVocabulary.Terms(e.Answer).Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double Idf(string term) => Math.Log(1 + ((double)all.Count / documentFrequency.GetValueOrDefault(term, 1)));

        Questions = all
            .Where(e => TextNormalizer.Tokens(e.Answer).Length <= maxAnswerWords)
            .Select(e => new QuizQuestion(e.Id, TopicOf(e), TagsOf(e), e.Question, e.Answer, KeyTermsOf(e, Idf)))
            .Where(q => q.KeyTerms.Count > 0)
            .ToList();
        _byId = Questions.ToDictionary(q => q.EntryId, StringComparer.Ordinal);
        Topics = Questions.Select(q => q.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<QuizQuestion> Questions { get; }

    /// <summary>The primary topics (first tags) of the questions, sorted.</summary>
    public IReadOnlyList<string> Topics { get; }

    public QuizQuestion? Find(string entryId) => _byId.GetValueOrDefault(entryId);

    /// <summary>
    /// The questions on a topic the trainee typed ("live view", "tier 2", "note"): any tag or playbook of the
    /// entry, compared without spaces or hyphens and forgiving a typo. Empty when nothing fits.
    /// </summary>
    public IReadOnlyList<QuizQuestion> ForTopic(string topic)
    {
        var wanted = TopicKey(topic);
        if (wanted.Length == 0)
        {
            return [];
        }

        var exact = Questions.Where(q => q.Tags.Any(t => TopicKey(t) == wanted)).ToList();
        return exact.Count > 0
            ? exact
            : Questions.Where(q => q.Tags.Any(t => EditDistance.IsNearMiss(wanted, TopicKey(t)))).ToList();
    }

    /// <summary>Topic names compare on letters and digits only: "Live view", "live-view" and "liveview" are one.</summary>
    public static string TopicKey(string? topic) =>
        new((topic ?? "").ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static string TopicOf(KnowledgeEntry entry) =>
        entry.Tags.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? entry.Playbook ?? "general";

    private static List<string> TagsOf(KnowledgeEntry entry)
    {
        var tags = entry.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (entry.Playbook is { Length: > 0 } playbook && !tags.Contains(playbook, StringComparer.Ordinal))
        {
            tags.Add(playbook);
        }

        return tags.Count == 0 ? ["general"] : tags;
    }

    private static List<KeyTerm> KeyTermsOf(KnowledgeEntry entry, Func<string, double> idf)
    {
        var given = DrillVocabulary.Terms(entry.Question).ToHashSet(StringComparer.Ordinal);
        var tagged = DrillVocabulary.Terms(string.Join(' ', entry.Tags).Replace('-', ' ')).ToList();
        var firstSentence = FirstSentence(entry.Answer);
        var inFirst = DrillVocabulary.Terms(firstSentence).ToHashSet(StringComparer.Ordinal);

        // Surface words by term, so feedback can say "missing: purchase" rather than a stem.
        var candidates = new List<(string Term, string Word, double Score, int Position)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var word in TextNormalizer.Tokens(entry.Answer))
        {
            position++;
            foreach (var term in DrillVocabulary.Terms(word))
            {
                if (given.Contains(term) || Incidental.Contains(term) || !seen.Add(term))
                {
                    continue;
                }

                var score = idf(term)
                    * (inFirst.Contains(term) ? FirstSentenceBoost : 1)
                    * (tagged.Any(t => DrillVocabulary.Matches(term, t)) ? TagBoost : 1);
                candidates.Add((term, word, score, position));
            }
        }

        var best = candidates.Count == 0 ? 0 : candidates.Max(c => c.Score);
        return candidates
            .Where(c => c.Score >= best * MinShareOfBest)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Position)
            .Take(MaxKeyTerms)
            .OrderBy(c => c.Position)
            .Select(c => new KeyTerm(c.Term, c.Word, Math.Round(c.Score, 3)))
            .ToList();
    }

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '!', '?', ':', ';']);
        return end < 0 ? text : text[..end];
    }
}
