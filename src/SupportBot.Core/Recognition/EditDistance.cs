namespace SupportBot.Recognition;

/// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // Three rolling rows (the swap rule looks two rows back) instead of a full matrix.
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    /// <summary>True when <paramref name="candidate"/> is a plausible misspelling of <paramref name="target"/>.</summary>
    public static bool IsNearMiss(string candidate, string target)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(target);
        var allowed = target.Length switch
        {
            < 4 => 0,
            < 8 => 1,
            < 14 => 2,
            _ => 3,
        };
        return Math.Abs(candidate.Length - target.Length) <= allowed && Between(candidate, target) <= allowed;
    }
}
