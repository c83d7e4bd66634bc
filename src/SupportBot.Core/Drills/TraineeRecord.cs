using System.Text.Json.Serialization;

namespace SupportBot.Drills;

/// <summary>How often a topic was asked in quizzes and how often the trainee did not get it fully right.</summary>
public sealed class TopicScore
{
    public int Asked { get; set; }

    public int Missed { get; set; }
}

/// <summary>One scored role-play.</summary>
public sealed record RolePlayScore(
    long CaseId,
    string PlaybookId,
    int Percent,
    IReadOnlyList<string> Covered,
    IReadOnlyList<string> Missed,
    DateTimeOffset At);

/// <summary>
/// Everything kept about one trainee's drills, stored as one document in <see cref="Storage.IStorage"/>.
/// Totals are kept as counters, so trimming the history lists never changes a score.
/// </summary>
public sealed class TraineeRecord
{
    public const int MaxRecentQuestions = 30;
    public const int MaxMissedQuestions = 40;
    public const int MaxRolePlays = 50;

    public string TraineeId { get; set; } = "";

    public string? TraineeName { get; set; }

    /// <summary>Questions answered or skipped.</summary>
    public int QuizAnswered { get; set; }

    public int QuizCorrect { get; set; }

    public int QuizPartly { get; set; }

    public int QuizzesFinished { get; set; }

    public Dictionary<string, TopicScore> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Knowledge entries asked lately, oldest first, so the next quiz can ask something else.</summary>
    public List<string> RecentQuestions { get; set; } = [];

    /// <summary>Knowledge entries not answered fully right, oldest first; asked again before new ones of a weak topic.</summary>
    public List<string> MissedQuestions { get; set; } = [];

    public int RolePlayCount { get; set; }

    public int RolePlayPercentTotal { get; set; }

    /// <summary>The latest role-plays, oldest first.</summary>
    public List<RolePlayScore> RolePlays { get; set; } = [];

    public DateTimeOffset? LastDrillAt { get; set; }

    /// <summary>Correct answers count 1, partly right ones half; null before any answer.</summary>
    [JsonIgnore]
    public double? QuizAccuracy => QuizAnswered == 0 ? null : Math.Round((QuizCorrect + (0.5 * QuizPartly)) / QuizAnswered, 2);

    [JsonIgnore]
    public double? RolePlayAverage => RolePlayCount == 0 ? null : Math.Round((double)RolePlayPercentTotal / RolePlayCount, 1);

    /// <summary>Topics with misses, the most missed (by share, then by count) first.</summary>
    public IReadOnlyList<(string Topic, TopicScore Score)> WeakTopics(int max) =>
        Topics.Where(t => t.Value.Missed > 0)
            .OrderByDescending(t => (double)t.Value.Missed / Math.Max(1, t.Value.Asked))
            .ThenByDescending(t => t.Value.Missed)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(t => (t.Key, t.Value))
            .ToList();

    /// <summary>Counts one graded (or skipped) question.</summary>
    public void AddAnswer(QuizQuestion question, QuizVerdict verdict, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(question);
        QuizAnswered++;
        if (verdict == QuizVerdict.Correct)
        {
            QuizCorrect++;
        }
        else if (verdict == QuizVerdict.Partly)
        {
            QuizPartly++;
        }

        if (!Topics.TryGetValue(question.Topic, out var topic))
        {
            topic = new TopicScore();
            Topics[question.Topic] = topic;
        }

        topic.Asked++;
        MissedQuestions.Remove(question.EntryId);
        if (verdict != QuizVerdict.Correct)
        {
            topic.Missed++;
            AddCapped(MissedQuestions, question.EntryId, MaxMissedQuestions);
        }

        RecentQuestions.Remove(question.EntryId);
        AddCapped(RecentQuestions, question.EntryId, MaxRecentQuestions);
        LastDrillAt = at;
    }

    public void AddRolePlay(RolePlayScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        RolePlayCount++;
        RolePlayPercentTotal += score.Percent;
        RolePlays.Add(score);
        if (RolePlays.Count > MaxRolePlays)
        {
            RolePlays.RemoveRange(0, RolePlays.Count - MaxRolePlays);
        }

        LastDrillAt = score.At;
    }

    private static void AddCapped(List<string> list, string item, int max)
    {
        list.Add(item);
        if (list.Count > max)
        {
            list.RemoveRange(0, list.Count - max);
        }
    }
}
