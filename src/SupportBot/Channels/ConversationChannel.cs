using System.Globalization;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.WebChat;

namespace SupportBot.Host.Channels;

/// <summary>
/// Delivers messages into the agent's own conversation as a proactive turn: an <c>event</c> activity
/// runs through the conversation's adapter, so the bot can say it and remember a lead's question, and
/// the reply reaches the agent the channel's usual way. The event id is the outbox message id, so a
/// redelivery is dropped by the pipeline's de-duplication.
/// </summary>
public sealed class ConversationChannel(WebChatAdapter webChat, BotFrameworkAdapter botFramework) : IOutboxChannel
{
    public const string EventName = SupportBot.Bot.TriageBot.EscalationEventName;

    public bool Handles(string destination) => destination == "conversation";

    public async Task SendAsync(OutboxMessage message, Escalation escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(escalation);
        var reference = escalation.Conversation;
        var activity = new Activity
        {
            Type = ActivityTypes.Event,
            Name = EventName,
            Id = message.Id,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = new ConversationAccount { Id = reference.ConversationId },
            From = new ChannelAccount { Id = "supportbot-escalations", Name = "Escalations" },
            Recipient = new ChannelAccount { Id = "supportbot", Name = "SupportBot" },
            Value = new JsonObject
            {
                ["escalationId"] = escalation.Id,
                ["text"] = message.Text.Replace("{id}", escalation.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                ["question"] = message.Data?["question"]?.DeepClone(),
            },
        };

        // Web chat and the terminal keep replies in the transcript, where the page picks them up;
        // Bot Framework channels post them to the conversation at its serviceUrl.
        var result = reference.ServiceUrl is null
            ? await webChat.ProcessActivityAsync(activity, cancellationToken).ConfigureAwait(false)
            : await botFramework.ProcessActivityAsync(activity, cancellationToken).ConfigureAwait(false);
        if (result.Failed)
        {
            throw new InvalidOperationException($"The notice for escalation {escalation.Id} could not be delivered to conversation {reference.ConversationId}.");
        }
    }
}
