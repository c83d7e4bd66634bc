using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SupportBot.Bot;
using SupportBot.Playbooks;
using SupportBot.Recognition;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Transcripts;
using SupportBot.Turns;

namespace SupportBot.Drills;

/// <summary>
/// Role-play: SupportBot plays the customer of a recorded case and the trainee plays the agent. The
/// customer answers what the case recorded, step by step; at <c>done</c> the trainee is scored on how many
/// of the steps the recorded case went through they asked about.
/// </summary>
public sealed partial class RolePlayDrill(
    ITranscriptStore transcripts,
    PlaybookCatalog catalog,
    TranscriptAccess access,
    DrillScoreStore scores,
    TimeProvider timeProvider,
    ILogger<RolePlayDrill> logger)
{
    public const string HelpText =
        "**Role-play help**\nI'm the customer from a recorded case and you're the agent. Ask me what you'd ask a real " +
        "customer (photos, model, order details, safety...). I answer from what the case recorded, and say so when I " +
        "don't know. Type **done** when you'd close the contact: I score you on the playbook steps the recorded case " +
        "went through that you asked about. Type **stop** to end without a score.";

    private const int CasesListed = 5;

    private static readonly HashSet<string> DoneWords = new(StringComparer.Ordinal)
    {
        "done", "end", "finish", "finished", "im done", "i am done", "end roleplay", "end role play", "thats all", "that is all",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "stop roleplay", "stop role play", "cancel roleplay", "cancel role play", "quit roleplay", "quit role play",
    };

    public async Task StartAsync(ITurnContext turn, ConversationData data, string traineeId, string? traineeName, long? caseId, CancellationToken cancellationToken)
    {
        if (caseId is null)
        {
            await SuggestCasesAsync(turn, traineeId, cancellationToken);
            return;
        }

        var recorded = await transcripts.GetCaseAsync(caseId.Value, cancellationToken);
        if (recorded is null)
        {
            await turn.SendActivityAsync($"There's no case #{caseId}. Type **roleplay** to see cases you can use.", cancellationToken);
            return;
        }

        if (!access.CanSee(traineeId, recorded))
        {
            await turn.SendActivityAsync(
                $"You can role-play your own cases only, and case #{caseId} isn't one of yours. A trainer can run any case with you.",
                cancellationToken);
            return;
        }

        var playbook = recorded.PlaybookId is null ? null : catalog.Find(recorded.PlaybookId);
        if (playbook is null)
        {
            await turn.SendActivityAsync(recorded.PlaybookId is null
                ? $"Case #{caseId} never reached a playbook, so there are no steps to practise."
                : $"Case #{caseId} ran the playbook {recorded.PlaybookId}, which no longer exists, so it can't be role-played.", cancellationToken);
            return;
        }

        var script = RolePlayScript.Build(recorded, await transcripts.GetCaseEntriesAsync(caseId.Value, cancellationToken), playbook);
        if (script.Steps.Count == 0)
        {
            await turn.SendActivityAsync($"Case #{caseId} recorded no steps of **{playbook.Title}**, so there is nothing to practise.", cancellationToken);
            return;
        }

        new DrillSession { TraineeId = traineeId, TraineeName = traineeName, RolePlay = new RolePlayProgress { Script = script } }.Save(data);
        await turn.SendActivityAsync(
            $"**Role-play: case #{caseId}** ({playbook.Title}). I'm the customer; you're the agent. Ask me what you need to know, " +
            "then type **done** to be scored, or **stop** to end without a score.", cancellationToken);
        await DrillReplies.SendAsync(turn, "**Customer:** " + script.Opening, cancellationToken, "done", "stop");
    }

    public async Task ContinueAsync(ITurnContext turn, ConversationData data, DrillSession session, string text, CancellationToken cancellationToken)
    {
        var progress = session.RolePlay!;
        var command = StopWords.Contains(TextNormalizer.Normalize(text)) ? AgentCommand.Cancel : AgentCommands.Recognize(text);
        switch (command)
        {
            case AgentCommand.Help:
                await turn.SendActivityAsync(HelpText, cancellationToken);
                return;
            case AgentCommand.Cancel:
                DrillSession.End(data);
                await turn.SendActivityAsync($"Role-play of case #{progress.Script.CaseId} stopped. Nothing was scored.", cancellationToken);
                return;
        }

        if (DoneWords.Contains(TextNormalizer.Normalize(text)))
        {
            await FinishAsync(turn, data, session, cancellationToken);
            return;
        }

        var playbook = catalog.Find(progress.Script.PlaybookId);
        if (playbook is null)
        {
            DrillSession.End(data);
            await turn.SendActivityAsync($"The playbook {progress.Script.PlaybookId} is no longer available, so I've ended the role-play without a score.", cancellationToken);
            return;
        }

        await DrillReplies.SendAsync(turn, "**Customer:** " + Reply(progress, new StepMatcher(playbook).Match(text), text), cancellationToken, "done", "stop");
        session.Save(data);
    }

    private static string Reply(RolePlayProgress progress, StepDefinition? asked, string text)
    {
        if (asked is null)
        {
            return QuestionDetector.LooksLikeQuestion(text) ? "Sorry, I don't know." : "Okay.";
        }

        if (progress.Script.Steps.FirstOrDefault(s => s.StepId == asked.Id) is not { } step)
        {
            return "I don't know about that, sorry.";
        }

        if (!progress.Covered.Contains(step.StepId, StringComparer.Ordinal))
        {
            progress.Covered.Add(step.StepId);
        }

        return step.Answer;
    }

    private async Task FinishAsync(ITurnContext turn, ConversationData data, DrillSession session, CancellationToken cancellationToken)
    {
        DrillSession.End(data);
        var script = session.RolePlay!.Script;
        var covered = script.Steps.Where(s => session.RolePlay.Covered.Contains(s.StepId, StringComparer.Ordinal)).ToList();
        var missed = script.Steps.Except(covered).ToList();
        var percent = (int)Math.Round(100.0 * covered.Count / script.Steps.Count);
        var score = new RolePlayScore(script.CaseId, script.PlaybookId, percent, covered.Select(s => s.StepId).ToList(), missed.Select(s => s.StepId).ToList(), timeProvider.GetUtcNow());
        var record = await scores.UpdateAsync(session.TraineeId, session.TraineeName, r => r.AddRolePlay(score), cancellationToken);
        LogRolePlayScored(logger, session.TraineeId, script.CaseId, percent);

        var text = new StringBuilder($"**Role-play finished: case #{script.CaseId}** ({script.PlaybookTitle}). ");
        text.Append(CultureInfo.InvariantCulture, $"You covered {covered.Count} of {script.Steps.Count} key steps ({percent}%).");
        AppendSteps(text, "Covered", covered);
        AppendSteps(text, "Missed", missed);
        text.Append(CultureInfo.InvariantCulture, $"\n\nYour role-play average is now {record.RolePlayAverage:0.#}% over {record.RolePlayCount} role-play{(record.RolePlayCount == 1 ? "" : "s")}.");
        await DrillReplies.SendAsync(turn, text.ToString(), cancellationToken, "my scores");
    }

    private static void AppendSteps(StringBuilder text, string heading, IReadOnlyList<RolePlayStep> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        text.Append("\n\n**").Append(heading).Append(":**");
        foreach (var step in steps)
        {
            text.Append("\n- ").Append(step.Label).Append(" (`").Append(step.StepId).Append("`)");
        }
    }

    private async Task SuggestCasesAsync(ITurnContext turn, string traineeId, CancellationToken cancellationToken)
    {
        var query = access.Restrict(traineeId, new TranscriptQuery { Limit = 50 });
        var cases = query is null ? [] : (await transcripts.FindCasesAsync(query, cancellationToken))
            .Where(c => c.PlaybookId is not null && catalog.Find(c.PlaybookId) is not null)
            .Take(CasesListed)
            .ToList();
        if (cases.Count == 0)
        {
            await turn.SendActivityAsync(
                "Type **roleplay <case id>** to practise a recorded case. There are no recorded cases with a playbook that you can use yet.",
                cancellationToken);
            return;
        }

        var text = new StringBuilder("Type **roleplay <case id>** to practise a recorded case. Recent ones you can use:");
        foreach (var c in cases)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- #{c.Id} {catalog.Find(c.PlaybookId!)!.Title} ({c.StartedAt:yyyy-MM-dd}{(c.AgentName is null ? "" : ", " + c.AgentName)})");
        }

        await DrillReplies.SendAsync(turn, text.ToString(), cancellationToken, cases.Select(c => "roleplay " + c.Id.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trainee {TraineeId} role-played case {CaseId} and covered {Percent}% of its steps")]
    private static partial void LogRolePlayScored(ILogger logger, string traineeId, long caseId, int percent);
}
