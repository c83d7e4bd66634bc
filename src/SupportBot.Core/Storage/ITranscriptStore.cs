using SupportBot.Activities;

namespace SupportBot.Storage;

public enum TranscriptDirection
{
    Inbound,
    Outbound,
}

/// <summary>One recorded activity of a conversation, already redacted.</summary>
public sealed record TranscriptEntry(
    string ConversationKey,
    DateTimeOffset Timestamp,
    TranscriptDirection Direction,
    Activity Activity);

/// <summary>The recorded inbound and outbound activities of every conversation.</summary>
public interface ITranscriptStore
{
    /// <summary>Appends a turn's entries in one atomic write, preserving their order.</summary>
    Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>The conversation's entries in the order they were recorded.</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Removes a conversation's transcript for good.</summary>
    Task DeleteAsync(string conversationKey, CancellationToken cancellationToken);
}
