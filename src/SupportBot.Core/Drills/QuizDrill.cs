using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Bot;
using SupportBot.Recognition;
using SupportBot.State;
using SupportBot.Turns;

namespace SupportBot.Drills;

/// <summary>
/// The quiz: asks questions from the knowledge, grades each free-text answer, explains the right answer
/// with the entry it comes from, and saves every answer to the trainee's scores as it goes (so stopping
/// half-way loses nothing).
/// </summary>
public sealed partial class QuizDrill(
    QuizBank bank,
    QuizPicker picker,
    DrillScoreStore scores,
    IOptions<DrillOptions> options,
    TimeProvider timeProvider,
    ILogger<QuizDrill> logger)
{
    public const string HelpText =
        "**Quiz help**\nAnswer each question in your own words. I look for the key facts of the right answer, so typos, " +
        "abbreviations and word order don't matter, and an answer with some of the key facts gets partial credit. " +
        "Type **skip** to see the answer and move on, **stop** to end the quiz (your answers so far are kept), " +
        "or **my scores** for your totals. Topics you miss come up more often in your next quizzes.";

    private static readonly HashSet<string> SkipWords = new(StringComparer.Ordinal)
    {
        "skip", "pass", "next", "dunno", "idk", "i dont know", "dont know", "no idea", "not sure", "skip it", "skip this",
    };

    // Ways of ending a quiz besides the interrupts every dialog knows (stop, cancel, quit, ...).
    private static readonly HashSet<string> EndWords = new(StringComparer.Ordinal)
    {
        "end", "end quiz", "stop quiz", "quit quiz", "cancel quiz", "exit quiz", "end the quiz", "stop the quiz",
    };

    public async Task StartAsync(ITurnContext turn, ConversationData data, string traineeId, string? traineeName, string? topic, CancellationToken cancellationToken)
    {
        var candidates = topic is null ? bank.Questions : bank.ForTopic(topic);
        if (candidates.Count == 0)
        {
            await turn.SendActivityAsync(topic is null
                ? "There are no quiz questions in the knowledge yet."
                : $"I have no quiz questions on \"{topic}\". Topics I can quiz you on: {string.Join(", ", bank.Topics)}.", cancellationToken);
            return;
        }

        var record = await scores.GetAsync(traineeId, cancellationToken);
        var questions = picker.Pick(candidates, record, options.Value.QuestionsPerQuiz);
        var session = new DrillSession
        {
            TraineeId = traineeId,
            TraineeName = traineeName,
            Quiz = new QuizProgress { Topic = topic, Questions = questions.Select(q => q.EntryId).ToList() },
        };
        session.Save(data);
        var about = topic is null ? "" : $" on **{topic}**";
        await turn.SendActivityAsync(
            $"**Quiz**: {questions.Count} question{(questions.Count == 1 ? "" : "s")}{about}. Answer in your own words; " +
            "type **skip** to pass, **stop** to end, or **help** for how grading works.", cancellationToken);
        await AskAsync(turn, session, cancellationToken);
    }

    public async Task ContinueAsync(ITurnContext turn, ConversationData data, DrillSession session, string text, CancellationToken cancellationToken)
    {
        var quiz = session.Quiz!;
        var command = EndWords.Contains(TextNormalizer.Normalize(text)) ? AgentCommand.Cancel : AgentCommands.Recognize(text);
        switch (command)
        {
            case AgentCommand.Help:
                await turn.SendActivityAsync(HelpText, cancellationToken);
                await AskAsync(turn, session, cancellationToken);
                return;
            case AgentCommand.Cancel:
                DrillSession.End(data);
                await turn.SendActivityAsync(Summary(quiz, finished: false, record: await scores.GetAsync(session.TraineeId, cancellationToken)), cancellationToken);
                return;
            case AgentCommand.Back or AgentCommand.StartOver or AgentCommand.ListPlaybooks:
                await turn.SendActivityAsync("During a quiz I take answers, **skip**, **stop** and **help**. Type **stop** first to use the playbooks.", cancellationToken);
                await AskAsync(turn, session, cancellationToken);
                return;
        }

        if (Current(quiz) is not { } question)
        {
            // The knowledge changed under the quiz and nothing is left to ask.
            await FinishAsync(turn, data, session, cancellationToken);
            return;
        }

        var skipped = SkipWords.Contains(TextNormalizer.Normalize(text));
        if (!skipped && DrillVocabulary.Terms(text).Count == 0)
        {
            await turn.SendActivityAsync("Type your answer in words, or **skip** to see it.", cancellationToken);
            return;
        }

        var grade = skipped ? new QuizGrade(QuizVerdict.Skipped, 0, [], question.KeyTerms.Select(k => k.Word).ToList()) : AnswerGrader.Grade(question, text);
        quiz.Answers.Add(new QuizAnswer(question.EntryId, question.Topic, grade.Verdict, grade.Credit));
        quiz.Index++;
        var now = timeProvider.GetUtcNow();
        await scores.UpdateAsync(session.TraineeId, session.TraineeName, r => r.AddAnswer(question, grade.Verdict, now), cancellationToken);
        await turn.SendActivityAsync(Feedback(question, grade), cancellationToken);

        if (Current(quiz) is null)
        {
            await FinishAsync(turn, data, session, cancellationToken);
            return;
        }

        session.Save(data);
        await AskAsync(turn, session, cancellationToken);
    }

    /// <summary>Puts the current question again (after help, or after a message that was not an answer).</summary>
    public Task AskAsync(ITurnContext turn, DrillSession session, CancellationToken cancellationToken)
    {
        var quiz = session.Quiz!;
        var question = Current(quiz)!;
        return DrillReplies.SendAsync(
            turn,
            $"**Question {quiz.Index + 1} of {quiz.Questions.Count}** (topic: {question.Topic})\n{question.Prompt}",
            cancellationToken,
            "skip",
            "stop");
    }

    private QuizQuestion? Current(QuizProgress quiz)
    {
        // Questions whose entry has gone from the knowledge since the quiz started are passed over.
        while (quiz.Index < quiz.Questions.Count)
        {
            if (bank.Find(quiz.Questions[quiz.Index]) is { } question)
            {
                return question;
            }

            quiz.Index++;
        }

        return null;
    }

    private async Task FinishAsync(ITurnContext turn, ConversationData data, DrillSession session, CancellationToken cancellationToken)
    {
        DrillSession.End(data);
        var quiz = session.Quiz!;
        var record = await scores.UpdateAsync(session.TraineeId, session.TraineeName, r => r.QuizzesFinished++, cancellationToken);
        LogQuizFinished(logger, session.TraineeId, quiz.Answers.Count(a => a.Verdict == QuizVerdict.Correct), quiz.Answers.Count);
        await DrillReplies.SendAsync(turn, Summary(quiz, finished: true, record), cancellationToken, "quiz", "my scores");
    }

    private static string Feedback(QuizQuestion question, QuizGrade grade)
    {
        var text = new StringBuilder();
        text.Append(grade.Verdict switch
        {
            QuizVerdict.Correct => "**Correct.**",
            QuizVerdict.Partly => $"**Partly right.** You had {string.Join(", ", grade.Found)}; the answer also needs {string.Join(", ", grade.Missing)}.",
            QuizVerdict.Skipped => "**Skipped.**",
            _ => "**Not quite.**",
        });
        text.Append("\n\n**Answer:** ").Append(question.Answer);
        text.Append("\n\n_From knowledge entry `").Append(question.EntryId).Append("`: ").Append(question.Question).Append('_');
        return text.ToString();
    }

    private static string Summary(QuizProgress quiz, bool finished, TraineeRecord? record)
    {
        var answered = quiz.Answers.Count;
        if (!finished && answered == 0)
        {
            return "Quiz stopped. Nothing was answered, so nothing was scored.";
        }

        var correct = quiz.Answers.Count(a => a.Verdict == QuizVerdict.Correct);
        var partly = quiz.Answers.Count(a => a.Verdict == QuizVerdict.Partly);
        var score = quiz.Answers.Sum(a => a.Credit) / Math.Max(1, answered);
        var text = new StringBuilder(finished ? "**Quiz finished.** " : $"**Quiz stopped** after {answered} of {quiz.Questions.Count} questions. ");
        text.Append($"{correct} of {answered} correct");
        if (partly > 0)
        {
            text.Append($", {partly} partly right");
        }

        text.Append($" (score {DrillReplies.Percent(score)}).");
        if (record?.WeakTopics(QuizPicker.WeakTopicsConsidered) is { Count: > 0 } weak)
        {
            text.Append("\nTopics to practise: ")
                .Append(string.Join(", ", weak.Select(w => $"{w.Topic} (missed {w.Score.Missed} of {w.Score.Asked})")))
                .Append(". Your next quizzes will ask more of these.");
        }

        text.Append("\nType **quiz** for another round, **quiz <topic>** to practise one topic, or **my scores** for your totals.");
        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trainee {TraineeId} finished a quiz: {Correct} of {Answered} correct")]
    private static partial void LogQuizFinished(ILogger logger, string traineeId, int correct, int answered);
}
