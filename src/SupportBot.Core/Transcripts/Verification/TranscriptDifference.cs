namespace SupportBot.Transcripts.Verification;

/// <summary>What part of a replay differs from its recording.</summary>
public enum DifferenceKind
{
    /// <summary>A reply's text, buttons or attachments; or a reply missing or extra.</summary>
    Reply,

    /// <summary>The playbook and step the dialog waits at after the turn.</summary>
    Step,

    /// <summary>A collected field's value after the turn.</summary>
    Field,

    /// <summary>How the case ended: playbook, status, outcome, escalation, disposition, or where it stopped.</summary>
    Outcome,
}

/// <summary>One place where the replay does not match the recording.</summary>
/// <param name="Turn">The recorded turn number; null for outcome differences.</param>
/// <param name="Step">The step the recording waited at after that turn ("none" outside a playbook); null for outcome differences.</param>
/// <param name="Subject">What differs, e.g. "reply 2", "reply 1, line 4", "reply 1 buttons", "step", "field camera_model"; for the outcome "id", "status", "escalated", "final step".</param>
/// <param name="Expected">As recorded; null when the recording had nothing there.</param>
/// <param name="Actual">As replayed; null when the replay had nothing there.</param>
public sealed record TranscriptDifference(DifferenceKind Kind, int? Turn, string? Step, string Subject, string? Expected, string? Actual);
