using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Dialogs.Prompts;
using SupportBot.Playbooks;
using SupportBot.Storage;
using SupportBot.Transcripts;

namespace SupportBot.Drills;

/// <summary>A step the recorded case went through, and what the customer says when asked about it.</summary>
/// <param name="Label">A short description of the step for the trainee's score.</param>
public sealed record RolePlayStep(string StepId, string Label, string Answer);

/// <summary>
/// What the role-play customer knows, taken from a recorded case: the situation they open with (the agent's
/// description of it, restated in the customer's words), and for each step the case went through, the answer
/// the agent recorded. Steps come from the per-turn snapshots: the step each turn left waiting, and every
/// field collected (prefilled steps included).
/// </summary>
public sealed record RolePlayScript(long CaseId, string PlaybookId, string PlaybookTitle, string Opening, IReadOnlyList<RolePlayStep> Steps)
{
    public static RolePlayScript Build(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries, PlaybookDefinition playbook)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(playbook);
        var turns = TranscriptTurn.Group(entries);
        var waiting = new List<string>();
        var fields = new JsonObject();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        string? previousStep = null;
        foreach (var turn in turns)
        {
            var snapshot = turn.Snapshot;
            var inPlaybook = snapshot?.PlaybookId == playbook.Id;
            var text = turn.Inbound.Activity.Text?.Trim();

            // The message that moved the dialog off a step is the agent's answer to it.
            if (previousStep is not null && !string.IsNullOrEmpty(text) && AgentCommands.Recognize(text) == AgentCommand.None
                && (!inPlaybook || snapshot!.StepId != previousStep))
            {
                answers[previousStep] = text;
            }

            previousStep = inPlaybook ? snapshot!.StepId : null;
            if (!inPlaybook)
            {
                continue;
            }

            if (snapshot!.StepId is { } step && !waiting.Contains(step, StringComparer.Ordinal))
            {
                waiting.Add(step);
            }

            foreach (var (field, value) in snapshot.Fields)
            {
                fields[field] = value?.DeepClone();
            }
        }

        var steps = playbook.Steps
            .Where(s => waiting.Contains(s.Id, StringComparer.Ordinal) || (s.Field is not null && fields.ContainsKey(s.Field)))
            .Select(s => new RolePlayStep(s.Id, LabelOf(s), AnswerFor(s, s.Field is null ? null : fields[s.Field], answers.GetValueOrDefault(s.Id))))
            .ToList();
        return new RolePlayScript(transcriptCase.Id, playbook.Id, playbook.Title, OpeningOf(turns, playbook), steps);
    }

    /// <summary>The customer's first words: the agent's description of the situation, from before the playbook took over.</summary>
    private static string OpeningOf(IReadOnlyList<TranscriptTurn> turns, PlaybookDefinition playbook)
    {
        var started = turns.ToList().FindIndex(t => t.Snapshot?.PlaybookId == playbook.Id);
        var candidates = turns.Take(started < 0 ? turns.Count : started + 1)
            .Select(t => t.Inbound.Activity)
            .Where(a => a.Type == ActivityTypes.Message)
            .Select(a => a.Text?.Trim() ?? "")
            .Where(t => AgentCommands.Recognize(t) == AgentCommand.None && DrillVocabulary.Terms(t).Count >= 2
                && !t.Contains(playbook.Id, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var described = candidates.Count == 0 ? null : CustomerVoice.Restate(candidates[^1]);
        return string.IsNullOrEmpty(described)
            ? $"Hi. I'm getting in touch about this: {char.ToLowerInvariant(playbook.Title[0])}{playbook.Title[1..]}."
            : "Hi. " + described;
    }

    private static string AnswerFor(StepDefinition step, JsonNode? value, string? typed)
    {
        switch (value)
        {
            case JsonObject attachment when attachment["kind"]?.GetValue<string>() is { } kind:
                if (kind == AttachmentAnswer.Attached)
                {
                    var count = attachment["count"] is JsonValue c && c.TryGetValue<double>(out var n) ? (int)n : 1;
                    return count == 1 ? "I've sent you the file." : $"I've sent you {count} files.";
                }

                var note = attachment["note"] is JsonValue v && v.TryGetValue<string>(out var s) ? CustomerVoice.Restate(s) : "";
                return note.Length > 0 ? note : "I'll send them over.";
            case JsonValue flag when flag.TryGetValue<bool>(out var yes):
                return yes ? "Yes." : "No.";
            case JsonValue:
                var display = FieldFormatter.Display(step, value);
                if (step.Kind == StepKind.Text && display is not null)
                {
                    return CustomerVoice.Restate(display);
                }

                return display is null ? "I'm not sure." : char.ToUpperInvariant(display[0]) + display[1..] + ".";
        }

        var restated = CustomerVoice.Restate(typed);
        return restated.Length > 0 ? restated : "I'm not sure.";
    }

    private static string LabelOf(StepDefinition step)
    {
        var prompt = step.Prompt.Trim();
        var end = prompt.IndexOfAny(['?', '.']);
        var first = end < 0 ? prompt : prompt[..(end + 1)];
        const int MaxLength = 90;
        return first.Length <= MaxLength ? first : first[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
