using System.Text.Json.Nodes;
using SupportBot.Turns;

namespace SupportBot.Dialogs;

/// <summary>
/// A unit of conversation that lives on the dialog stack across turns. Everything a dialog needs
/// to remember goes in its <see cref="DialogInstance.State"/>, never in fields: the process may
/// restart between any two turns.
/// </summary>
public abstract class Dialog(string id)
{
    public string Id { get; } = id;

    /// <summary>Changes when the dialog's definition changes, so in-flight conversations can be migrated.</summary>
    public virtual string? Version => null;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken);

    /// <summary>Called with the next activity while this dialog is on top of the stack.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child this dialog started has ended, with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, JsonNode? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the agent again for what this dialog is waiting on (after help, a question or a version change).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Explains what this step needs and why; null when the dialog has nothing to say.</summary>
    public virtual string? GetHelp(DialogInstance instance) => null;

    /// <summary>
    /// Whether the current message is a clear answer to the question this dialog is asking, so it must
    /// not be read as anything else (an escalation, a new situation). False by default.
    /// </summary>
    public virtual Task<bool> IsClearAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    /// <summary>One sentence on what kind of answer fits the question being asked; null when none is asked.</summary>
    public virtual string? GetAnswerHint(DialogInstance instance) => null;

    /// <summary>
    /// Steps back to the previous question, if this dialog keeps such a history. Dialogs above this
    /// one have already been removed. Returns false when there is nothing to go back to.
    /// </summary>
    public virtual Task<bool> GoBackAsync(DialogContext dc, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Whether <see cref="GoBackAsync"/> has a previous question to return to.</summary>
    public virtual bool CanGoBack(DialogInstance instance) => false;

    /// <summary>
    /// Called when this instance was started under another <see cref="Version"/> of the dialog. The
    /// instance is active (dialogs above it were removed). Return true once the conversation has been
    /// carried over to the new version; false lets the caller restart it.
    /// </summary>
    public virtual Task<bool> ResumeAfterVersionChangeAsync(DialogContext dc, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    /// <summary>Called when this instance leaves the stack, however that happens.</summary>
    public virtual Task OnEndAsync(ITurnContext turnContext, DialogInstance instance, DialogEndReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

public enum DialogEndReason
{
    Completed,
    Cancelled,
    Replaced,
}
