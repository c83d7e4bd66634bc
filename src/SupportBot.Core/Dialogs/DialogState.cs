using System.Text.Json.Nodes;

namespace SupportBot.Dialogs;

/// <summary>The persisted dialog stack of a conversation; index 0 is the active dialog.</summary>
public sealed class DialogState
{
    public List<DialogInstance> Stack { get; set; } = [];
}

/// <summary>One dialog on the stack: which dialog, the version it started under, and its own state.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = "";

    /// <summary>The dialog's version when this instance started; a mismatch means it changed mid-conversation.</summary>
    public string? Version { get; set; }

    public JsonObject State { get; set; } = [];
}
