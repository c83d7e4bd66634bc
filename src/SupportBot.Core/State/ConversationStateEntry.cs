namespace SupportBot.State;

/// <summary>The conversation state loaded for this turn, with what is needed to save it back safely.</summary>
public sealed class ConversationStateEntry(string storageKey, ConversationData data, string? etag, string originalJson)
{
    public string StorageKey { get; } = storageKey;

    public ConversationData Data { get; } = data;

    /// <summary>The ETag the state was read with; null when the conversation is new.</summary>
    public string? ETag { get; } = etag;

    /// <summary>The JSON as loaded, so an unchanged state is not written again.</summary>
    public string OriginalJson { get; } = originalJson;
}
