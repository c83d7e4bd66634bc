using SupportBot.Recognition.Entities;

namespace SupportBot.Transcripts.Chat;

/// <summary>A date found in a message: where it is and the days it covers.</summary>
public readonly record struct DateMention(int Start, int Length, DatePeriod Period)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds dates with the entity recognisers' own date readers ("yesterday", "last week", "this month",
/// "2026-11-01", "nov 1"), and only those: a trainer's filter has no order numbers or phone numbers to compete with.
/// </summary>
public static class DateMentions
{
    private static readonly IEntitySource[] Sources = [new RelativeDateRecognizer(), new AbsoluteDateRecognizer()];

    /// <summary>The dates in <paramref name="text"/>, in order, none overlapping another (the longer reading wins).</summary>
    public static IReadOnlyList<DateMention> Find(string text, EntityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var candidates = new List<Candidate>();
        foreach (var source in Sources)
        {
            source.Collect(text, context, candidates);
        }

        var chosen = new List<DateMention>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Entity.Length).ThenBy(c => c.Entity.Start))
        {
            var entity = candidate.Entity;
            if (!DatePeriod.TryParse(entity.Value, out var period) || chosen.Any(m => entity.Start < m.End && m.Start < entity.End))
            {
                continue;
            }

            chosen.Add(new DateMention(entity.Start, entity.Length, period));
        }

        chosen.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }
}
