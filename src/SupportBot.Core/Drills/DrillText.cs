using System.Globalization;
using System.Text;

namespace SupportBot.Drills;

/// <summary>The drill messages that are not part of a quiz or role-play: commands, own scores, the scoreboard.</summary>
public static class DrillText
{
    public static string Commands(int questionsPerQuiz) =>
        "**Drills**\n" +
        $"- **quiz**: {questionsPerQuiz} questions from the knowledge, graded on the key facts (typos and word order don't matter). **quiz <topic>** practises one topic, e.g. **quiz notes**.\n" +
        "- **roleplay <case id>** (or **role-play**): I play the customer of a recorded case, you play the agent; type **done** to be scored on the steps you covered.\n" +
        "- **my scores**: your quiz accuracy, weak topics and role-play average.\n" +
        "- **scoreboard**: every trainee's scores (trainers only).\n" +
        "In a drill, **help** explains it and **stop** ends it.";

    public const string ScoreboardRefused =
        "The scoreboard is for trainers. Type **my scores** to see your own.";

    public static string MyScores(TraineeRecord? record)
    {
        if (record is null || (record.QuizAnswered == 0 && record.RolePlayCount == 0))
        {
            return "You haven't done any drills yet. Type **quiz** to start one, or **roleplay** to practise a recorded case.";
        }

        var text = new StringBuilder("**Your drill scores**");
        if (record.QuizAnswered > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nQuiz: {record.QuizAnswered} answered, {record.QuizCorrect} correct");
            if (record.QuizPartly > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $", {record.QuizPartly} partly right");
            }

            text.Append(CultureInfo.InvariantCulture, $" (accuracy {DrillReplies.Percent(record.QuizAccuracy ?? 0)}), {record.QuizzesFinished} quiz{(record.QuizzesFinished == 1 ? "" : "zes")} finished.");
            var weak = record.WeakTopics(QuizPicker.WeakTopicsConsidered);
            text.Append(weak.Count == 0
                ? "\nNo weak topics: everything asked so far was answered right."
                : "\nTopics to practise: " + string.Join(", ", weak.Select(w => $"{w.Topic} (missed {w.Score.Missed} of {w.Score.Asked})")) + ".");
        }

        if (record.RolePlayCount > 0)
        {
            var last = record.RolePlays[^1];
            text.Append(CultureInfo.InvariantCulture,
                $"\nRole-plays: {record.RolePlayCount}, average {record.RolePlayAverage:0.#}%; last: case #{last.CaseId} ({last.PlaybookId}) {last.Percent}%");
            if (last.Missed.Count > 0)
            {
                text.Append(", missed ").Append(string.Join(", ", last.Missed));
            }

            text.Append('.');
        }

        if (record.LastDrillAt is { } at)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nLast drill: {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        }

        return text.ToString();
    }

    public static string Scoreboard(IReadOnlyList<ScoreboardRow> rows)
    {
        if (rows.Count == 0)
        {
            return "Nobody has done a drill yet.";
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"**Scoreboard** ({rows.Count} trainee{(rows.Count == 1 ? "" : "s")})"));
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- **{row.TraineeName ?? row.TraineeId}** (`{row.TraineeId}`): ");
            text.Append(row.QuizAnswered == 0
                ? "no quiz answers"
                : string.Create(CultureInfo.InvariantCulture, $"quiz {row.QuizCorrect}/{row.QuizAnswered} correct, accuracy {DrillReplies.Percent(row.QuizAccuracy ?? 0)}"));
            text.Append(row.RolePlays == 0
                ? "; no role-plays"
                : string.Create(CultureInfo.InvariantCulture, $"; role-plays {row.RolePlays}, average {row.RolePlayAverage:0.#}%"));
            if (row.WeakTopics.Count > 0)
            {
                text.Append("; weak: ").Append(string.Join(", ", row.WeakTopics.Select(w => w.Topic)));
            }

            if (row.LastDrillAt is { } at)
            {
                text.Append(CultureInfo.InvariantCulture, $"; last drill {at.UtcDateTime:yyyy-MM-dd}");
            }
        }

        return text.ToString();
    }
}
