using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SupportBot.Activities;

/// <summary>
/// The Bot Framework Activity: the one message shape every SupportBot channel speaks internally.
/// Unknown properties are kept in <see cref="Properties"/> so a round trip loses nothing.
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? InputHint { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<JsonObject>? Entities { get; set; }

    public JsonNode? ChannelData { get; set; }

    public string? ReplyToId { get; set; }

    public JsonNode? Value { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Builds a message that answers this activity in the same conversation.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = null,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient is null ? null : Recipient with { },
        Recipient = From is null ? null : From with { },
        Conversation = Conversation is null ? null : Conversation with { },
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };

    /// <summary>The key that identifies this activity's conversation across channels.</summary>
    [JsonIgnore]
    public string ConversationKey =>
        $"{ChannelId ?? "unknown"}/{Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.")}";
}
