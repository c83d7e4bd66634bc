using SupportBot.Playbooks;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// What a trainer's <c>transcripts …</c> message asked for: the query, what was understood (to echo back), and
/// anything that stops it from being run (words not understood, an ambiguous playbook, clashing filters).
/// </summary>
public sealed record TranscriptFilter
{
    /// <summary>The filters as a store query; <see cref="TranscriptQuery.AgentId"/> is already the caller for "my"/"mine".</summary>
    public TranscriptQuery Query { get; init; } = new();

    /// <summary>The caller asked for their own cases ("my transcripts", "mine", "by me").</summary>
    public bool Mine { get; init; }

    /// <summary>Each filter understood, in words ("playbook battery-belt-damage", "escalated"), in the order found.</summary>
    public IReadOnlyList<string> Understood { get; init; } = [];

    /// <summary>The words that matched no filter, as typed.</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];

    /// <summary>Playbooks the title words fit equally well; the trainer has to pick one.</summary>
    public IReadOnlyList<PlaybookDefinition> AmbiguousPlaybooks { get; init; } = [];

    /// <summary>The title words that fit several playbooks.</summary>
    public string? AmbiguousWords { get; init; }

    /// <summary>Filters that contradict each other ("completed cancelled", two start dates), said in words.</summary>
    public IReadOnlyList<string> Conflicts { get; init; } = [];

    /// <summary>Nothing stops the query from being run as understood.</summary>
    public bool IsComplete => Unknown.Count == 0 && AmbiguousPlaybooks.Count == 0 && Conflicts.Count == 0;
}
