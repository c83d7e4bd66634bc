using SupportBot.Activities;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Cli;

/// <summary>Where a scripted conversation happens: the channel and the ids it records under.</summary>
internal sealed record ScriptChannel(string ChannelId, string ConversationId, string AgentId, string AgentName, string BotId, string? ServiceUrl = null)
{
    public static ScriptChannel WebChat(string conversationId) => new("webchat", conversationId, "web-agent-demo", "Demo Agent", "supportbot");

    public static ScriptChannel Teams(string conversationId) =>
        new("msteams", conversationId, "29:demo-agent-teams", "Demo Agent", "28:supportbot-demo", "https://smba.example.test/teams/");

    public static ScriptChannel Slack(string conversationId) => new("slack", conversationId, "UDEMOAGENT", "Demo Agent", "UDEMOSUPPORTBOT");
}

/// <summary>One thing the agent does: types text, clicks a button (a card submit without text), or attaches files.</summary>
internal sealed record AgentInput(string? Text, string? Clicked = null, IReadOnlyList<Attachment>? Files = null)
{
    public static AgentInput Say(string text) => new(text);

    public static AgentInput Click(string button) => new(null, button);

    public static AgentInput Attach(params (string Name, string ContentType)[] files) =>
        new(null, null, files.Select(f => new Attachment { Name = f.Name, ContentType = f.ContentType }).ToList());
}

/// <summary>A scripted agent conversation, and what must be true of the case it records.</summary>
internal sealed record TranscriptScript(string Name, ScriptChannel Channel, DateTimeOffset Start, IReadOnlyList<AgentInput> Inputs, Action<TranscriptCase> Expect);
