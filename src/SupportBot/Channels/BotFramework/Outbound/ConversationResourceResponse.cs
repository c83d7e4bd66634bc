namespace SupportBot.Host.Channels.BotFramework.Outbound;

/// <summary>
/// The Bot Connector's answer to <c>POST /v3/conversations</c>: the new conversation's id (for a new channel thread it
/// ends in <c>;messageid=...</c>), the id of the activity that started it, and the serviceUrl to use for it when the
/// connector names one.
/// </summary>
public sealed record ConversationResourceResponse(string Id, string? ActivityId, string? ServiceUrl);
