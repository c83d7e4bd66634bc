namespace SupportBot.Activities;

/// <summary>What a channel answers when an activity is sent: the id it gave the activity.</summary>
public sealed record ResourceResponse(string Id);
