using SupportBot.State;
using SupportBot.Turns;

namespace SupportBot.Bot;

/// <summary>
/// A command outside the playbooks (trainer and drill commands) that the bot offers every message to
/// before its own handling. Return true when the message was handled and nothing else should run.
/// </summary>
public interface IChatCommand
{
    Task<bool> TryHandleAsync(ITurnContext turnContext, ConversationData data, string text, CancellationToken cancellationToken);
}
