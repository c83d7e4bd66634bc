using System.Text.Json.Nodes;

namespace SupportBot.Playbooks;

/// <summary>What a finished playbook hands back: which outcome, and everything collected on the way.</summary>
public sealed class PlaybookResult
{
    public string PlaybookId { get; set; } = "";

    public string OutcomeId { get; set; } = "";

    public JsonObject Values { get; set; } = [];

    public OutcomeView Outcome { get; set; } = new();

    /// <summary>The disposition SupportBot suggested first, and how sure it was.</summary>
    public string? SuggestedDisposition { get; set; }

    public double? SuggestionConfidence { get; set; }

    /// <summary>The disposition the agent confirmed or picked instead; null when they skipped it.</summary>
    public string? ChosenDisposition { get; set; }
}

/// <summary>Set on the turn when an outcome that calls for an escalation is shown.</summary>
public sealed record EscalationRequested(PlaybookResult Result);

/// <summary>Set on the turn when a playbook finishes, so the bot can remember its outcome.</summary>
public sealed record PlaybookCompleted(PlaybookResult Result);

/// <summary>An outcome with its templates filled in; what channels render as the final card.</summary>
public sealed class OutcomeView
{
    public string PlaybookId { get; set; } = "";

    public string PlaybookTitle { get; set; } = "";

    public string Title { get; set; } = "";

    public List<string> Actions { get; set; } = [];

    public NoteView Note { get; set; } = new();

    public string DispositionCategory { get; set; } = "";

    public string DispositionName { get; set; } = "";

    public string? EscalationRoute { get; set; }

    public string? EscalationUrgency { get; set; }

    public string? EscalationReason { get; set; }
}

/// <summary>The drafted ticket note, section by section, in the notes-policy outline.</summary>
public sealed class NoteView
{
    public string Customer { get; set; } = "";

    public string Reason { get; set; } = "";

    public List<string> Resolution { get; set; } = [];

    public string? AdditionalInfo { get; set; }

    public string? FollowUp { get; set; }

    /// <summary>The note as plain text, ready to paste into a ticket.</summary>
    public string ToPlainText()
    {
        var lines = new List<string>
        {
            "Customer: " + Customer,
            "Reason: " + Reason,
            "Resolution:",
        };
        lines.AddRange(Resolution.Select(r => "- " + r));
        if (!string.IsNullOrWhiteSpace(AdditionalInfo))
        {
            lines.Add("Additional info: " + AdditionalInfo);
        }

        lines.Add("Follow-up: " + (string.IsNullOrWhiteSpace(FollowUp) ? "None" : FollowUp));
        return string.Join('\n', lines);
    }
}
