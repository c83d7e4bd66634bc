using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Dialogs;
using SupportBot.Escalations;
using SupportBot.Dialogs.Prompts;
using SupportBot.Knowledge;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.Recognition.Entities;
using SupportBot.State;
using SupportBot.Telemetry;
using SupportBot.Turns;

namespace SupportBot.Bot;

/// <summary>
/// SupportBot's conversation logic: handles interruptions (help, cancel, start over, back, questions)
/// on top of whatever dialog is running, and otherwise recognises which playbook the agent describes.
/// </summary>
public sealed partial class TriageBot(
    DialogSet dialogs,
    PlaybookCatalog catalog,
    IIntentRecognizer recognizer,
    IKnowledgeBase knowledge,
    IOptions<TriageOptions> options,
    TimeProvider timeProvider,
    ILogger<TriageBot> logger,
    EscalationService? escalations = null,
    IEnumerable<IChatCommand>? commands = null) : IBot
{
    public const string LastOutcomeKey = "lastOutcome";
    public const string DispositionsKey = "dispositions";
    public const string PendingQuestionKey = "pendingLeadQuestion";

    private const double InterruptThreshold = 0.7;

    /// <summary>The event the escalation outbox sends into an agent's conversation.</summary>
    public const string EscalationEventName = "supportbot/escalation";

    public const string Welcome =
        "Hi, I'm SupportBot. Tell me what the customer reports, in your own words (for example \"cust says the battery belt melted\"), " +
        "and I'll walk you through the right playbook. Ask me a question at any time. " +
        "Type **help**, **back**, **start over** or **cancel** whenever you need, or **playbooks** for the list.";

    private readonly TriageOptions _options = options.Value;
    private readonly IChatCommand[] _commands = commands?.ToArray() ?? [];

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (IsBotAdded(activity))
        {
            await turnContext.SendActivityAsync(Welcome, cancellationToken);
            return;
        }

        if (activity.Type == ActivityTypes.Event && activity.Name == EscalationEventName)
        {
            await EscalationTurns.OnNoticeAsync(turnContext, cancellationToken);
            return;
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        // A card button arrives as a value without text (the Agents Playground, older Teams clients);
        // SupportBot's buttons carry their answer in value.text, so every prompt sees it as typed text.
        if (string.IsNullOrWhiteSpace(activity.Text) && TextOf(activity) is { Length: > 0 } submitted)
        {
            activity.Text = submitted;
        }

        var data = turnContext.ConversationData();
        if (escalations is not null && await new EscalationTurns(escalations, dialogs).TryHandleAsync(turnContext, data, TextOf(activity), cancellationToken))
        {
            return;
        }

        foreach (var command in _commands)
        {
            if (await command.TryHandleAsync(turnContext, data, TextOf(activity), cancellationToken))
            {
                turnContext.TurnState.Set(new Transcripts.TurnOutsideCase());
                return;
            }
        }

        data.AgentId ??= activity.From?.Id;
        data.AgentName ??= activity.From?.Name;
        var dc = new DialogContext(dialogs, turnContext, data.Dialogs);
        RememberEntities(data, TextOf(activity));
        turnContext.TurnState.Set(new EntityMemory(data.Entities));
        using (SupportBotTelemetry.Source.StartActivity("dialog"))
        {
            if (await EnsureStackIsCurrentAsync(dc, cancellationToken))
            {
                await HandleMessageAsync(dc, TextOf(activity), cancellationToken);
                if (turnContext.TurnState.Get<PlaybookCompleted>() is { } completed)
                {
                    Remember(data, completed.Result);
                }

                if (turnContext.TurnState.Get<EscalationRequested>() is { } requested && escalations is not null)
                {
                    await new EscalationTurns(escalations, dialogs).EscalateAsync(turnContext, requested.Result, cancellationToken);
                }

                // The case is finished (or was cancelled): its order numbers and models must not
                // answer the next case's questions.
                if (dc.Stack.Count == 0 && (turnContext.TurnState.Get<PlaybookCompleted>() is not null || AgentCommands.Recognize(TextOf(activity)) == AgentCommand.Cancel))
                {
                    data.Entities.Clear();
                }
            }
        }

        var playbook = dc.Stack.Select(i => PlaybookDialog.PlaybookIdOf(i.Id)).LastOrDefault(id => id is not null)
            ?? data.Values[LastOutcomeKey]?["playbookId"]?.GetValue<string>();
        turnContext.TurnState.Set(new TurnOutcome(playbook));
    }

    private async Task<DialogTurnResult?> HandleMessageAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        switch (AgentCommands.Recognize(text))
        {
            case AgentCommand.Help:
                await turn.SendActivityAsync(dc.GetHelp() is { } help ? "**Help for this step**\n" + help : Welcome, cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return null;
            case AgentCommand.Cancel:
                var title = ActivePlaybook(dc)?.Title;
                await dc.CancelAllDialogsAsync(cancellationToken);
                await turn.SendActivityAsync(title is null
                    ? "There's nothing to cancel. Describe the customer's situation when you're ready."
                    : $"Cancelled **{title}**. The conversation so far stays in the transcript. Describe the next situation when you're ready.", cancellationToken);
                return null;
            case AgentCommand.StartOver:
                return await StartOverAsync(dc, cancellationToken);
            case AgentCommand.Back:
                if (!await dc.GoBackAsync(cancellationToken))
                {
                    await turn.SendActivityAsync("There's no earlier step to go back to.", cancellationToken);
                    await dc.RepromptDialogAsync(cancellationToken);
                }

                return null;
            case AgentCommand.ListPlaybooks:
                await dc.CancelAllDialogsAsync(cancellationToken);
                return await dc.BeginDialogAsync(ChoosePlaybookDialog.DialogId, new JsonObject { ["intro"] = "Here are the playbooks I know. Which one?" }, cancellationToken);
        }

        if (ExplicitPlaybook(text) is { } requested)
        {
            await dc.CancelAllDialogsAsync(cancellationToken);
            return await dc.BeginDialogAsync(PlaybookDialog.DialogIdFor(requested.Id), new JsonObject(), cancellationToken);
        }

        if (dc.ActiveDialog is not null)
        {
            if (QuestionDetector.LooksLikeQuestion(text) && !ActivePromptTakesFreeText(dc) && BestAnswer(text) is { } answer)
            {
                await turn.SendActivityAsync(FormatAnswer(answer), cancellationToken);
                await turn.SendActivityAsync("Back to where we were:", cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return null;
            }

            if (await EscalationNoticedAsync(dc, text, cancellationToken) is { } escalation)
            {
                return await dc.BeginDialogAsync(OfferEscalationDialog.DialogId, new JsonObject
                {
                    ["playbook"] = escalation.Id,
                    ["current"] = ActivePlaybook(dc)?.Title,
                }, cancellationToken);
            }

            return await dc.ContinueDialogAsync(cancellationToken);
        }

        return await StartFromDescriptionAsync(dc, text, cancellationToken);
    }

    private async Task<DialogTurnResult?> StartFromDescriptionAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var turn = dc.Context;
        TriageRoute route;
        using (SupportBotTelemetry.Source.StartActivity("recognize"))
        {
            route = TriageRules.Route(text, recognizer, knowledge, _options);
        }

        if (route.SmallTalkReply is not null)
        {
            await turn.SendActivityAsync(route.SmallTalkReply, cancellationToken);
            return null;
        }

        if (route.Answer is not null)
        {
            await turn.SendActivityAsync(FormatAnswer(route.Answer), cancellationToken);
        }

        var decision = route.Decision;
        switch (decision.Kind)
        {
            case IntentDecisionKind.Start:
                LogRecognized(logger, decision.PlaybookId!, decision.Confidence);
                return await dc.BeginDialogAsync(PlaybookDialog.DialogIdFor(decision.PlaybookId!), new JsonObject(), cancellationToken);
            case IntentDecisionKind.Offer:
                var candidates = decision.Candidates.Select(c => c.PlaybookId).ToList();
                var intro = route.Answer is not null
                    ? "Want me to walk you through the playbook for this?"
                    : candidates.Count == 1 ? "This might be the one. Is it?" : "This could be one of these. Which fits best?";
                return await dc.BeginDialogAsync(ChoosePlaybookDialog.DialogId, new JsonObject
                {
                    ["intro"] = intro,
                    ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
                }, cancellationToken);
        }

        if (route.Answer is null)
        {
            await turn.SendActivityAsync(
                "I'm not sure which playbook fits that, and I don't know the answer. Try describing what the customer reports in other words, or type **playbooks** for the list.",
                cancellationToken);
        }

        return null;
    }

    private const int MaxRememberedEntities = 30;

    /// <summary>Adds the values in this message to the case's memory, newest last, replacing older copies.</summary>
    private void RememberEntities(ConversationData data, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var found = EntityRecognizer.Default.Recognize(text, EntityContext.Utc(timeProvider.GetUtcNow()));
        foreach (var entity in found)
        {
            data.Entities.RemoveAll(e => e.Kind == entity.Kind.ToString() && e.Value == entity.Value && e.Label == entity.Label);
            data.Entities.Add(new RememberedEntity(entity.Kind.ToString(), entity.Value, entity.Text, entity.Label, entity.Amount));
        }

        if (data.Entities.Count > MaxRememberedEntities)
        {
            data.Entities.RemoveRange(0, data.Entities.Count - MaxRememberedEntities);
        }
    }

    /// <summary>Keeps the last outcome, and every disposition suggestion with what the agent chose, for reports.</summary>
    private static void Remember(ConversationData data, PlaybookResult result)
    {
        data.Values[LastOutcomeKey] = JsonSerializer.SerializeToNode(result, ActivityJson.Options);
        if (data.Values[DispositionsKey] is not JsonArray history)
        {
            history = [];
            data.Values[DispositionsKey] = history;
        }

        history.Add(new JsonObject
        {
            ["playbook"] = result.PlaybookId,
            ["outcome"] = result.OutcomeId,
            ["suggested"] = result.SuggestedDisposition,
            ["confidence"] = result.SuggestionConfidence,
            ["chosen"] = result.ChosenDisposition,
        });
    }

    private async Task<DialogTurnResult?> StartOverAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var playbook = ActivePlaybook(dc);
        await dc.CancelAllDialogsAsync(cancellationToken);
        if (playbook is null)
        {
            await dc.Context.SendActivityAsync("Nothing is running, so there's nothing to start over. Describe the customer's situation when you're ready.", cancellationToken);
            return null;
        }

        await dc.Context.SendActivityAsync($"Starting **{playbook.Title}** again from the first step.", cancellationToken);
        return await dc.BeginDialogAsync(PlaybookDialog.DialogIdFor(playbook.Id), new JsonObject(), cancellationToken);
    }

    /// <summary>
    /// Makes sure every dialog on the stack still exists and is the version it started under; carries a
    /// conversation over to an edited playbook, or closes it with a message. Returns false when the
    /// message should not be processed further (the agent has been re-asked or told what happened).
    /// </summary>
    private async Task<bool> EnsureStackIsCurrentAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        for (var i = dc.Stack.Count - 1; i >= 0; i--)
        {
            var instance = dc.Stack[i];
            var dialog = dialogs.Find(instance.Id);
            if (dialog is null)
            {
                dc.Stack.Clear();
                var name = PlaybookDialog.PlaybookIdOf(instance.Id) ?? instance.Id;
                LogDialogMissing(logger, instance.Id);
                await dc.Context.SendActivityAsync(
                    $"The playbook you were in ({name}) is no longer available, so I've closed it. Describe the situation again and I'll pick the right one.",
                    cancellationToken);
                return false;
            }

            if (instance.Version != dialog.Version)
            {
                await dc.CancelDialogsAboveAsync(instance, cancellationToken);
                if (!await dialog.ResumeAfterVersionChangeAsync(dc, cancellationToken))
                {
                    await dc.CancelAllDialogsAsync(cancellationToken);
                    await dc.Context.SendActivityAsync("That dialog changed while we were talking, so I've closed it. Describe the situation again to restart.", cancellationToken);
                }

                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An escalation situation (a playbook marked <c>interrupt</c>) described in the middle of another
    /// dialog, confidently enough to interrupt, and not already running or being offered.
    /// </summary>
    private async Task<PlaybookDefinition?> EscalationNoticedAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        if (dc.Stack.Any(i => i.Id is OfferEscalationDialog.DialogId or ChoosePlaybookDialog.DialogId))
        {
            return null;
        }

        // "Someone else" picked from a list is an answer, not a new situation.
        var active = dc.ActiveDialog!;
        if (dc.Dialogs.Find(active.Id) is { } dialog && await dialog.IsClearAnswerAsync(dc.Context, active, cancellationToken))
        {
            return null;
        }

        IntentResult intent;
        using (SupportBotTelemetry.Source.StartActivity("recognize"))
        {
            intent = recognizer.Recognize(text);
        }

        // Interrupting a dialog costs the agent a question, so it takes more certainty than starting one.
        var decision = IntentDecision.From(intent, _options);
        var playbook = decision.Kind == IntentDecisionKind.Start && decision.Confidence >= Math.Max(_options.StartThreshold, InterruptThreshold)
            ? catalog.Find(decision.PlaybookId!)
            : null;
        var running = dc.Stack.Select(i => PlaybookDialog.PlaybookIdOf(i.Id)).ToHashSet();
        return playbook is { Interrupt: true } && !running.Contains(playbook.Id) ? playbook : null;
    }

    private PlaybookDefinition? ActivePlaybook(DialogContext dc) =>
        dc.Stack.Select(i => PlaybookDialog.PlaybookIdOf(i.Id)).OfType<string>().Select(catalog.Find).LastOrDefault(p => p is not null);

    private bool ActivePromptTakesFreeText(DialogContext dc) =>
        dc.ActiveDialog?.Id == TextPrompt.DefaultId && !dc.Context.Activity.Text!.TrimEnd().EndsWith('?');

    private KnowledgeAnswer? BestAnswer(string text)
    {
        using var span = SupportBotTelemetry.Source.StartActivity("knowledge");
        return TriageRules.BestAnswer(knowledge, text, _options);
    }

    private static string FormatAnswer(KnowledgeAnswer answer) =>
        $"{answer.Entry.Answer}\n\n_From knowledge entry `{answer.Entry.Id}`: {answer.Entry.Question}_";

    private PlaybookDefinition? ExplicitPlaybook(string text)
    {
        var match = ExplicitStart().Match(text.Trim());
        var id = match.Success ? match.Groups["id"].Value.ToLowerInvariant() : text.Trim().ToLowerInvariant();
        return catalog.Find(id);
    }

    private static string TextOf(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text.Trim();
        }

        // A card button submits a value instead of text; SupportBot's own cards put the answer in "text".
        return activity.Value is JsonObject value && value["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";
    }

    // Teams and the playground also send installationUpdate on install; welcoming on both would greet twice.
    private static bool IsBotAdded(Activity activity) =>
        (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true);

    [GeneratedRegex(@"^/?(?:triage|start|run)\s+(?<id>[a-z0-9-]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitStart();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recognised playbook {PlaybookId} with confidence {Confidence}")]
    private static partial void LogRecognized(ILogger logger, string playbookId, double confidence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation referred to dialog {DialogId}, which no longer exists; its stack was cleared")]
    private static partial void LogDialogMissing(ILogger logger, string dialogId);
}
