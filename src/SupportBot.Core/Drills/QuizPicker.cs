namespace SupportBot.Drills;

/// <summary>
/// Chooses the questions of a quiz. Up to half of them come from the trainee's weak topics (questions the
/// trainee missed first, then others of the same topics); the rest are drawn at random, avoiding questions
/// asked lately.
/// </summary>
public sealed class QuizPicker(Random random)
{
    /// <summary>How many weak topics a quiz without a topic draws on.</summary>
    public const int WeakTopicsConsidered = 3;

    public IReadOnlyList<QuizQuestion> Pick(IReadOnlyList<QuizQuestion> candidates, TraineeRecord? record, int count)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        count = Math.Min(count, candidates.Count);
        var picked = new List<QuizQuestion>(count);
        if (count <= 0)
        {
            return picked;
        }

        var recent = record?.RecentQuestions.ToHashSet(StringComparer.Ordinal) ?? [];
        var weakTopics = record?.WeakTopics(WeakTopicsConsidered).Select(w => w.Topic).ToList() ?? [];
        if (weakTopics.Count > 0)
        {
            var missed = record!.MissedQuestions.AsEnumerable().Reverse().ToList();
            var favoured = candidates
                .Where(q => weakTopics.Contains(q.Topic, StringComparer.Ordinal))
                .OrderBy(q => missed.IndexOf(q.EntryId) is var i && i >= 0 ? i : int.MaxValue)
                .ThenBy(q => weakTopics.IndexOf(q.Topic))
                .ThenBy(_ => random.Next())
                .Take((count + 1) / 2);
            picked.AddRange(favoured);
        }

        // Fresh questions first, then (if the bank is small) ones asked lately.
        picked.AddRange(candidates
            .Except(picked)
            .OrderBy(q => recent.Contains(q.EntryId) ? 1 : 0)
            .ThenBy(_ => random.Next())
            .Take(count - picked.Count));
        return picked.OrderBy(_ => random.Next()).ToList();
    }
}
