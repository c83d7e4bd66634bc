using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Turns;

namespace SupportBot.Dialogs;

/// <summary>
/// A dialog made of dialogs: it keeps its own inner stack, so a reusable piece of conversation can be
/// started as one dialog and ends with one result.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStackKey = "inner";
    private readonly DialogSet _inner = new();

    public ComponentDialog(string id, string initialDialogId)
        : base(id) => InitialDialogId = initialDialogId;

    public string InitialDialogId { get; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _inner.Add(dialog);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonNode? options, CancellationToken cancellationToken) =>
        RunInnerAsync(dc, inner => inner.BeginDialogAsync(InitialDialogId, options, cancellationToken), cancellationToken);

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunInnerAsync(dc, inner => inner.ContinueDialogAsync(cancellationToken), cancellationToken);

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new DialogContext(_inner, turnContext, ReadInner(instance)).RepromptDialogAsync(cancellationToken);
    }

    public override string? GetHelp(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = ReadInner(instance);
        return inner.Stack.Select(i => _inner.Find(i.Id)?.GetHelp(i)).FirstOrDefault(h => h is not null);
    }

    public override string? GetAnswerHint(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = ReadInner(instance);
        return inner.Stack.Count > 0 ? _inner.Find(inner.Stack[0].Id)?.GetAnswerHint(inner.Stack[0]) : null;
    }

    public override bool CanGoBack(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReadInner(instance).Stack.Any(i => _inner.Find(i.Id)?.CanGoBack(i) == true);
    }

    public override async Task<bool> GoBackAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var state = ReadInner(instance);
        var went = await new DialogContext(_inner, dc.Context, state).GoBackAsync(cancellationToken).ConfigureAwait(false);
        WriteInner(instance, state);
        return went;
    }

    private async Task<DialogTurnResult> RunInnerAsync(DialogContext dc, Func<DialogContext, Task<DialogTurnResult>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var state = ReadInner(instance);
        var result = await run(new DialogContext(_inner, dc.Context, state)).ConfigureAwait(false);
        WriteInner(instance, state);
        return result.Status == DialogTurnStatus.Complete
            ? await dc.EndDialogAsync(result.Result, cancellationToken).ConfigureAwait(false)
            : DialogTurnResult.EndOfTurn;
    }

    private static DialogState ReadInner(DialogInstance instance) =>
        instance.State[InnerStackKey]?.Deserialize<DialogState>(ActivityJson.Options) ?? new DialogState();

    private static void WriteInner(DialogInstance instance, DialogState state) =>
        instance.State[InnerStackKey] = JsonSerializer.SerializeToNode(state, ActivityJson.Options);
}
