namespace SupportBot.Drills;

public sealed record WeakTopicView(string Topic, int Asked, int Missed);

/// <summary>
/// One trainee on the scoreboard: THE row of <c>GET /api/drills/scoreboard</c> and of the chat scoreboard.
/// Accuracy counts partly right answers as half; the role-play average is a percentage (absent before any
/// role-play).
/// </summary>
public sealed record ScoreboardRow(
    string TraineeId,
    string? TraineeName,
    int QuizAnswered,
    int QuizCorrect,
    double? QuizAccuracy,
    int RolePlays,
    double? RolePlayAverage,
    IReadOnlyList<WeakTopicView> WeakTopics,
    DateTimeOffset? LastDrillAt)
{
    public const int WeakTopicsShown = 5;

    public static ScoreboardRow From(TraineeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ScoreboardRow(
            record.TraineeId,
            record.TraineeName,
            record.QuizAnswered,
            record.QuizCorrect,
            record.QuizAccuracy,
            record.RolePlayCount,
            record.RolePlayAverage,
            record.WeakTopics(WeakTopicsShown).Select(w => new WeakTopicView(w.Topic, w.Score.Asked, w.Score.Missed)).ToList(),
            record.LastDrillAt);
    }

    /// <summary>The scoreboard as the caller may see it: everyone for a trainer, otherwise only the caller's own row.</summary>
    public static IReadOnlyList<ScoreboardRow> For(IEnumerable<TraineeRecord> records, string callerId, bool seesEveryone)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .Where(r => seesEveryone || string.Equals(r.TraineeId, callerId, StringComparison.Ordinal))
            .Select(From)
            .OrderBy(r => r.TraineeName ?? r.TraineeId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.TraineeId, StringComparer.Ordinal)
            .ToList();
    }
}
