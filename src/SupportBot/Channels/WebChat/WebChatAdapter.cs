using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Host.Channels.WebChat;

/// <summary>
/// The local web page's channel: the page posts a message and gets the turn's replies in the same
/// HTTP response, so there is nothing to send separately.
/// </summary>
public sealed class WebChatAdapter(TurnPipeline pipeline) : BotAdapter(pipeline)
{
    public const string ChannelId = "webchat";

    protected override Task SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
