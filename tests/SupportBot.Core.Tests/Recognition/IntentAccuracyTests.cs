using Microsoft.Extensions.Options;
using SupportBot.Bot;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.Recognition.Evaluation;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Recognition;

/// <summary>
/// Holds intent recognition to its bar on the labelled agent chatter in tests/nlu, which was written
/// apart from the playbooks' own examples.
/// </summary>
public class IntentAccuracyTests
{
    private static readonly string LabelledSet = Path.Combine(RepositoryPaths.Root, "tests", "nlu", "agent-utterances.jsonl");

    [Fact]
    public void LabelledAgentChatter_IsRecognisedWithAtLeast90PercentAccuracy()
    {
        var catalog = PlaybookCatalog.Load(RepositoryPaths.Dialogs);
        var recognizer = new PlaybookIntentRecognizer(catalog);
        var knowledge = new Bm25KnowledgeBase(KnowledgeLoader.Load(RepositoryPaths.Knowledge)
            .Concat(DispositionCatalog.Load(RepositoryPaths.Dispositions).AsKnowledge()));
        var options = new TriageOptions();

        var report = NluEvaluator.Evaluate(LabelledUtterance.ReadJsonLines(LabelledSet), text =>
        {
            var route = TriageRules.Route(text, recognizer, knowledge, options);
            return (route.Decision.PlaybookId ?? LabelledUtterance.None, route.Decision.Confidence);
        });

        Assert.True(report.Accuracy >= 0.90, $"Accuracy {report.Accuracy:P1}; confusions: " +
            string.Join(", ", report.Confusions.Take(8).Select(c => $"{c.Expected}->{c.Predicted} x{c.Count}")));
    }

    [Fact]
    public void LabelledSet_SharesNoUtteranceWithThePlaybookExamples()
    {
        var examples = PlaybookCatalog.Load(RepositoryPaths.Dialogs).Playbooks
            .SelectMany(p => p.Triggers.Examples)
            .Select(TextNormalizer.Normalize)
            .ToHashSet(StringComparer.Ordinal);

        var shared = LabelledUtterance.ReadJsonLines(LabelledSet).Where(u => examples.Contains(TextNormalizer.Normalize(u.Text))).ToList();

        Assert.Empty(shared);
    }

    [Fact]
    public void LabelledSet_CoversEveryPlaybookAndNone()
    {
        var labels = LabelledUtterance.ReadJsonLines(LabelledSet).Select(u => u.Intent).ToHashSet();
        var playbooks = PlaybookCatalog.Load(RepositoryPaths.Dialogs).Playbooks.Select(p => p.Id);

        Assert.Superset(playbooks.Append(LabelledUtterance.None).ToHashSet(), labels);
        Assert.True(LabelledUtterance.ReadJsonLines(LabelledSet).Count >= 250);
    }
}
