using SupportBot.Ordering;
using SupportBot.State;
using SupportBot.Storage;

namespace SupportBot.Transcripts;

/// <summary>
/// Deletes a conversation for good: its saved state (dialog stack, open case, collected fields) and every
/// transcript entry and case recorded for it.
/// </summary>
/// <remarks>
/// It waits for the conversation's turn gate, so a turn in progress finishes first and cannot write the
/// state back after it was deleted. A later message starts the conversation afresh.
/// </remarks>
public sealed class ConversationEraser(IStorage storage, ITranscriptStore transcripts, IConversationGate gate)
{
    /// <summary>Returns false when nothing was stored under the key (nothing to delete).</summary>
    public async Task<bool> EraseAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationKey);
        await using var turn = await gate.EnterAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        var stateKey = ConversationStateMiddleware.StorageKeyFor(conversationKey);
        var state = await storage.ReadAsync([stateKey], cancellationToken).ConfigureAwait(false);
        var entries = await transcripts.GetAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        if (state.Count == 0 && entries.Count == 0)
        {
            return false;
        }

        await storage.DeleteAsync([stateKey], cancellationToken).ConfigureAwait(false);
        await transcripts.DeleteAsync(conversationKey, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
