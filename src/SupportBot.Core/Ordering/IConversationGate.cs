namespace SupportBot.Ordering;

/// <summary>
/// Lets the turns of one conversation through one at a time, in arrival order, while different
/// conversations run in parallel. A multi-host store would implement this with a distributed lock.
/// </summary>
public interface IConversationGate
{
    ValueTask<IAsyncDisposable> EnterAsync(string conversationKey, CancellationToken cancellationToken);
}
