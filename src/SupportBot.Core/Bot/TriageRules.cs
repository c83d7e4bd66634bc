using SupportBot.Knowledge;
using SupportBot.Recognition;

namespace SupportBot.Bot;

/// <summary>What a new message (with no dialog running) leads to.</summary>
public sealed record TriageRoute(AgentCommand Command, KnowledgeAnswer? Answer, IntentDecision Decision, string? SmallTalkReply = null);

/// <summary>
/// The order in which SupportBot reads a new message: a command first, then small talk, then a question
/// it can answer from knowledge, then a described situation. Shared by the bot and the evaluation commands, so
/// <c>nlu test</c> scores exactly what agents get.
/// </summary>
public static class TriageRules
{
    public static TriageRoute Route(string text, IIntentRecognizer recognizer, IKnowledgeBase knowledge, TriageOptions options)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(options);
        var none = new IntentDecision(IntentDecisionKind.None, []);
        var command = AgentCommands.Recognize(text);
        if (command != AgentCommand.None)
        {
            return new TriageRoute(command, null, none);
        }

        if (SmallTalk.Reply(text) is { } reply)
        {
            return new TriageRoute(AgentCommand.None, null, none, reply);
        }

        // A question is answered from knowledge; when the entry belongs to a playbook, that playbook is
        // offered too, since the agent is probably in that situation.
        var answer = QuestionDetector.LooksLikeQuestion(text) ? BestAnswer(knowledge, text, options) : null;
        if (answer is not null)
        {
            var offer = answer.Entry.Playbook is { } linked && recognizer.Knows(linked)
                ? new IntentDecision(IntentDecisionKind.Offer, [new IntentScore(linked, answer.Confidence)])
                : none;
            return new TriageRoute(AgentCommand.None, answer, offer);
        }

        return new TriageRoute(AgentCommand.None, null, IntentDecision.From(recognizer.Recognize(text), options));
    }

    public static KnowledgeAnswer? BestAnswer(IKnowledgeBase knowledge, string text, TriageOptions options)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(options);
        var results = knowledge.Search(text, 1);
        return results.Count > 0 && results[0].Confidence >= options.AnswerThreshold ? results[0] : null;
    }
}
