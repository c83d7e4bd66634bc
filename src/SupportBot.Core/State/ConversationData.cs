using System.Text.Json.Nodes;
using SupportBot.Dialogs;

namespace SupportBot.State;

/// <summary>Everything SupportBot remembers about one conversation between turns.</summary>
public sealed class ConversationData
{
    /// <summary>The dialog stack, top first.</summary>
    public DialogState Dialogs { get; set; } = new();

    /// <summary>Ids of the last activities processed, so a redelivered activity is recognised and dropped.</summary>
    public List<string> RecentActivityIds { get; set; } = [];

    /// <summary>Who the agent is, as first seen on the channel (for transcripts and escalations).</summary>
    public string? AgentId { get; set; }

    public string? AgentName { get; set; }

    /// <summary>Values recognised in the agent's messages for the case in hand (order numbers, models, ...).</summary>
    public List<Playbooks.RememberedEntity> Entities { get; set; } = [];

    /// <summary>Free-form values that outlive a single dialog (last outcome, last suggested playbooks).</summary>
    public JsonObject Values { get; set; } = [];
}
