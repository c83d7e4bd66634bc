using System.Text.Json.Nodes;
using SupportBot.Turns;

namespace SupportBot.Dialogs;

/// <summary>
/// Operates a dialog stack for one turn: begin, continue, end, cancel and replace dialogs.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
{
    public DialogSet Dialogs { get; } = dialogs;

    public ITurnContext Context { get; } = turnContext;

    public List<DialogInstance> Stack => state.Stack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    public Dialog FindDialog(string id) =>
        Dialogs.Find(id) ?? throw new DialogNotFoundException(id);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId);
        Stack.Insert(0, new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        if (active is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await FindDialog(active.Id).ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with the result.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonNode? result = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogEndReason.Completed, cancellationToken).ConfigureAwait(false);
        var parent = ActiveDialog;
        if (parent is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Complete, result);
        }

        return await FindDialog(parent.Id).ResumeDialogAsync(this, result, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await PopAsync(DialogEndReason.Cancelled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Removes every dialog above <paramref name="instance"/>, leaving it active.</summary>
    public async Task CancelDialogsAboveAsync(DialogInstance instance, CancellationToken cancellationToken = default)
    {
        while (Stack.Count > 0 && !ReferenceEquals(Stack[0], instance))
        {
            await PopAsync(DialogEndReason.Cancelled, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonNode? options = null, CancellationToken cancellationToken = default)
    {
        await PopAsync(DialogEndReason.Replaced, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        var active = ActiveDialog;
        return active is null
            ? Task.CompletedTask
            : FindDialog(active.Id).RepromptDialogAsync(Context, active, cancellationToken);
    }

    /// <summary>
    /// Returns to the previous question of the nearest dialog that keeps a history, removing the
    /// dialogs above it. Returns false, changing nothing, when no dialog can go back.
    /// </summary>
    public async Task<bool> GoBackAsync(CancellationToken cancellationToken = default)
    {
        foreach (var instance in Stack)
        {
            var dialog = Dialogs.Find(instance.Id);
            if (dialog is not null && dialog.CanGoBack(instance))
            {
                await CancelDialogsAboveAsync(instance, cancellationToken).ConfigureAwait(false);
                return await dialog.GoBackAsync(this, cancellationToken).ConfigureAwait(false);
            }
        }

        return false;
    }

    /// <summary>
    /// Why the current question matters (from the active dialog, or the nearest one below it that can
    /// say) followed by what kind of answer fits; null when nothing is running.
    /// </summary>
    public string? GetHelp()
    {
        var why = Stack.Select(i => Dialogs.Find(i.Id)?.GetHelp(i)).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
        var hint = ActiveDialog is { } active ? Dialogs.Find(active.Id)?.GetAnswerHint(active) : null;
        return (why, hint) switch
        {
            (null, null) => null,
            (null, _) => hint,
            (_, null) => why,
            _ => why + "\n\n" + hint,
        };
    }

    private async Task PopAsync(DialogEndReason reason, CancellationToken cancellationToken)
    {
        var instance = ActiveDialog ?? throw new InvalidOperationException("The dialog stack is empty.");
        Stack.RemoveAt(0);
        var dialog = Dialogs.Find(instance.Id);
        if (dialog is not null)
        {
            await dialog.OnEndAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The stack names a dialog that no longer exists (a playbook file was removed or renamed).</summary>
public sealed class DialogNotFoundException : Exception
{
    public DialogNotFoundException(string dialogId)
        : base($"Dialog '{dialogId}' is not registered.") => DialogId = dialogId;

    public DialogNotFoundException() => DialogId = "";

    public DialogNotFoundException(string message, Exception innerException) : base(message, innerException) => DialogId = "";

    public string DialogId { get; }
}
