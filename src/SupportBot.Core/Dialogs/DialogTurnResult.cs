using System.Text.Json.Nodes;

namespace SupportBot.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>The stack was empty: no dialog handled the activity.</summary>
    Empty,

    /// <summary>A dialog is waiting for the agent's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack completed.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, JsonNode? Result = null)
{
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);
}
