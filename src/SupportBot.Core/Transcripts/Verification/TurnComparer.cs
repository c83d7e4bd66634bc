using System.Text.Json.Nodes;

namespace SupportBot.Transcripts.Verification;

/// <summary>
/// Compares one recorded turn with its replay: every reply in order, then where the dialog stands and
/// which fields it has collected. A field that differs is reported at the first turn it differs, not again
/// at every later turn that still carries it.
/// </summary>
internal sealed class TurnComparer
{
    private readonly Dictionary<string, (string? Expected, string? Actual)> _reportedFields = new(StringComparer.Ordinal);

    /// <summary>Adds the turn's differences; returns true when the dialog now stands somewhere else than recorded.</summary>
    public bool Compare(TranscriptTurn recorded, ReplayedTurn replayed, List<TranscriptDifference> differences)
    {
        var step = StepOf(recorded.Snapshot);
        CompareReplies(recorded, replayed, step, differences);
        if (recorded.Snapshot is not { } expected)
        {
            // An event, or a file recorded by another tool: there is no position to compare.
            return false;
        }

        var actual = replayed.Snapshot;
        if (actual is null || Position(expected) != Position(actual))
        {
            differences.Add(new TranscriptDifference(DifferenceKind.Step, recorded.Number, step, "step", Position(expected), actual is null ? null : Position(actual)));
            return true;
        }

        CompareFields(recorded.Number, step, expected.Fields, actual.Fields, differences);
        return false;
    }

    /// <summary>"playbook/step", "playbook" between steps, or "none" outside any playbook.</summary>
    public static string Position(TurnSnapshot snapshot) =>
        snapshot.PlaybookId is null ? "none" : snapshot.StepId is null ? snapshot.PlaybookId : snapshot.PlaybookId + "/" + snapshot.StepId;

    public static string StepOf(TurnSnapshot? snapshot) => snapshot?.StepId ?? "none";

    /// <summary>Field differences between two snapshots, each field once, in name order.</summary>
    public static IEnumerable<(string Field, string? Expected, string? Actual)> FieldDifferences(JsonObject expected, JsonObject actual) =>
        expected.Select(p => p.Key).Union(actual.Select(p => p.Key)).Order(StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(expected[name], actual[name]))
            .Select(name => (name, Display(expected, name), Display(actual, name)));

    private void CompareFields(int turn, string step, JsonObject expected, JsonObject actual, List<TranscriptDifference> differences)
    {
        var differing = FieldDifferences(expected, actual).ToList();
        foreach (var name in _reportedFields.Keys.Except(differing.Select(d => d.Field)).ToList())
        {
            _reportedFields.Remove(name);
        }

        foreach (var (name, expectedValue, actualValue) in differing)
        {
            if (_reportedFields.TryGetValue(name, out var reported) && reported == (expectedValue, actualValue))
            {
                continue;
            }

            _reportedFields[name] = (expectedValue, actualValue);
            differences.Add(new TranscriptDifference(DifferenceKind.Field, turn, step, "field " + name, expectedValue, actualValue));
        }
    }

    private static void CompareReplies(TranscriptTurn recorded, ReplayedTurn replayed, string step, List<TranscriptDifference> differences)
    {
        var expected = recorded.Replies.Select(r => ReplyView.Of(r.Activity)).ToList();
        var actual = replayed.Replies.Select(ReplyView.Of).ToList();
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var subject = "reply " + (i + 1);
            if (i >= actual.Count || i >= expected.Count)
            {
                differences.Add(new TranscriptDifference(DifferenceKind.Reply, recorded.Number, step, subject,
                    i < expected.Count ? expected[i].Summary : null,
                    i < actual.Count ? actual[i].Summary : null));
                continue;
            }

            var (e, a) = (expected[i], actual[i]);
            void Add(string what, string? expectedText, string? actualText) =>
                differences.Add(new TranscriptDifference(DifferenceKind.Reply, recorded.Number, step, what, expectedText, actualText));

            var (line, expectedLine, actualLine) = FirstDifferentLine(e.Text, a.Text);
            if (e.Type != a.Type || line == 1)
            {
                // Another message altogether: its buttons and attachments differing too says nothing more.
                Add(subject, e.Summary, a.Summary);
                continue;
            }

            if (e.Text != a.Text)
            {
                Add(line is null ? subject : $"{subject}, line {line}", expectedLine, actualLine);
            }

            if (!e.Buttons.SequenceEqual(a.Buttons))
            {
                Add(subject + " buttons", JoinOrNull(e.Buttons, " | "), JoinOrNull(a.Buttons, " | "));
            }

            if (!e.Attachments.SequenceEqual(a.Attachments))
            {
                Add(subject + " attachments", JoinOrNull(e.Attachments, "; "), JoinOrNull(a.Attachments, "; "));
            }
        }
    }

    /// <summary>
    /// The first line that differs (1-based), with both versions of it; null when the texts are the same.
    /// Single-line texts report no line number: they are compared whole.
    /// </summary>
    private static (int? Line, string? Expected, string? Actual) FirstDifferentLine(string expected, string actual)
    {
        if (expected == actual)
        {
            return (null, null, null);
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        if (e.Length == 1 && a.Length == 1)
        {
            return (null, expected, actual);
        }

        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        return (i + 1, i < e.Length ? e[i] : null, i < a.Length ? a[i] : null);
    }

    private static string? JoinOrNull(IReadOnlyList<string> items, string separator) => items.Count == 0 ? null : string.Join(separator, items);

    private static string? Display(JsonObject fields, string name) => fields[name] switch
    {
        null when !fields.ContainsKey(name) => null,
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };
}
