using Microsoft.Extensions.Options;
using SupportBot.Bot;
using SupportBot.State;
using SupportBot.Transcripts;
using SupportBot.Turns;

namespace SupportBot.Drills;

/// <summary>
/// The chat side of drills. Starts quizzes and role-plays, answers <c>my scores</c> and <c>scoreboard</c>,
/// and, while a drill is running, takes every message of its trainee (help and stop included) so nothing
/// reaches playbook recognition or the knowledge answers until the drill ends.
/// </summary>
public sealed class DrillCommand(
    QuizDrill quiz,
    RolePlayDrill rolePlay,
    DrillScoreStore scores,
    TranscriptAccess access,
    IOptions<DrillOptions> options) : IChatCommand
{
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, ConversationData data, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(data);
        var user = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(user))
        {
            return false;
        }

        var request = DrillRequest.Recognize(text);
        var session = DrillSession.Load(data);
        if (session is not null)
        {
            if (session.TraineeId == user)
            {
                await ContinueAsync(turnContext, data, session, request, text ?? "", cancellationToken);
                return true;
            }

            if (request is { Kind: DrillRequestKind.Quiz or DrillRequestKind.RolePlay })
            {
                await turnContext.SendActivityAsync(
                    $"{session.TraineeName ?? "Someone"} is in the middle of a drill in this conversation. Start yours in a chat of your own with me.",
                    cancellationToken);
                return true;
            }
        }

        if (request is null)
        {
            return false;
        }

        var name = turnContext.Activity.From?.Name;
        switch (request.Kind)
        {
            case DrillRequestKind.Quiz or DrillRequestKind.RolePlay when data.Dialogs.Stack.Count > 0:
                await turnContext.SendActivityAsync(
                    "You're in the middle of a playbook. Finish it, or type **cancel** to close it, then start the drill.", cancellationToken);
                return true;
            case DrillRequestKind.Quiz:
                await quiz.StartAsync(turnContext, data, user, name, request.Topic, cancellationToken);
                return true;
            case DrillRequestKind.RolePlay when request.BadCaseId is not null:
                await turnContext.SendActivityAsync($"\"{request.BadCaseId}\" isn't a case number. Type **roleplay** followed by the case id, for example **roleplay 12**.", cancellationToken);
                return true;
            case DrillRequestKind.RolePlay:
                await rolePlay.StartAsync(turnContext, data, user, name, request.CaseId, cancellationToken);
                return true;
            default:
                await AnswerInfoAsync(turnContext, user, request.Kind, cancellationToken);
                return true;
        }
    }

    private async Task ContinueAsync(ITurnContext turn, ConversationData data, DrillSession session, DrillRequest? request, string text, CancellationToken cancellationToken)
    {
        switch (request?.Kind)
        {
            case DrillRequestKind.Quiz or DrillRequestKind.RolePlay:
                await turn.SendActivityAsync(
                    $"You're in the middle of a {(session.Quiz is not null ? "quiz" : "role-play")}. Type **stop** to end it first.", cancellationToken);
                return;
            case DrillRequestKind.MyScores or DrillRequestKind.Scoreboard or DrillRequestKind.Help:
                await AnswerInfoAsync(turn, session.TraineeId, request.Kind, cancellationToken);
                if (session.Quiz is not null)
                {
                    await quiz.AskAsync(turn, session, cancellationToken);
                }

                return;
        }

        if (session.Quiz is not null)
        {
            await quiz.ContinueAsync(turn, data, session, text, cancellationToken);
        }
        else
        {
            await rolePlay.ContinueAsync(turn, data, session, text, cancellationToken);
        }
    }

    private async Task AnswerInfoAsync(ITurnContext turn, string user, DrillRequestKind kind, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case DrillRequestKind.MyScores:
                await turn.SendActivityAsync(DrillText.MyScores(await scores.GetAsync(user, cancellationToken)), cancellationToken);
                break;
            case DrillRequestKind.Scoreboard when !access.IsTrainer(user):
                await turn.SendActivityAsync(DrillText.ScoreboardRefused, cancellationToken);
                break;
            case DrillRequestKind.Scoreboard:
                var rows = ScoreboardRow.For(await scores.ListAsync(cancellationToken), user, seesEveryone: true);
                await turn.SendActivityAsync(DrillText.Scoreboard(rows), cancellationToken);
                break;
            default:
                await turn.SendActivityAsync(DrillText.Commands(options.Value.QuestionsPerQuiz), cancellationToken);
                break;
        }
    }
}
