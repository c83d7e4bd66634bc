using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Lengths of time: "3 months of billing", "for 2 weeks", "30 min", "2hrs", "a couple of days", "for a week".
/// The value is an ISO-8601 duration ("P3M", "PT30M"); <see cref="Entity.Amount"/> and <see cref="Entity.Unit"/>
/// carry the count and the unit ("months"). "3 days ago" and "in 2 weeks" are dates, which win over this.
/// </summary>
internal sealed partial class DurationRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            Add(Digits(), text, candidates);
        }

        Add(Words(), text, candidates);
    }

    private static void Add(Regex pattern, string text, List<Candidate> candidates)
    {
        foreach (Match match in pattern.Matches(text))
        {
            if (!CountWords.TryParse(match.Groups["n"].Value, out var count) || count <= 0)
            {
                continue;
            }

            var (unit, designator) = Unit(match.Groups["u"].Value);
            var number = count.ToString("0.##########", CultureInfo.InvariantCulture);
            var value = designator is 'S' or 'H' || unit == "minutes" ? $"PT{number}{designator}" : $"P{number}{designator}";
            var candidate = Candidate.From(match.Groups["all"], EntityKind.Duration, value, Precedence.Guess);
            candidates.Add(candidate with { Entity = candidate.Entity with { Amount = count, Unit = unit } });
        }
    }

    internal static (string Unit, char Designator) Unit(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u[0] switch
        {
            's' => ("seconds", 'S'),
            'h' => ("hours", 'H'),
            'd' => ("days", 'D'),
            'w' => ("weeks", 'W'),
            'y' => ("years", 'Y'),
            _ when u.StartsWith("mi", StringComparison.Ordinal) => ("minutes", 'M'),
            _ => ("months", 'M'),
        };
    }

    private const string UnitWord =
        "sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|w(?:ee)?ks?|weeks?|mo(?:nth)?s?|mths?|y(?:ea)?rs?|years?";

    // A count in digits, glued ("3d", "2hrs"), spaced or hyphenated ("3-month").
    [GeneratedRegex(
        @"(?<![\w.])(?<all>(?<n>\d+(?:\.\d+)?)(?:\s*-?\s*(?<u>" + UnitWord + @")|(?<u>[dhw])))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Digits();

    // A count in words; or "a"/"an" right after "for", "over", "within"… so that "once a day" is no duration.
    [GeneratedRegex(
        @"\b(?<all>(?<n>a\s+couple\s+of|couple\s+of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+(?<u>" + UnitWord + @")" +
        @"|(?<=\b(?:for|over|within|about|around|almost|nearly|past|last|after|in)\s+)(?<n>an?)\s+(?<u>second|minute|hour|day|week|month|year))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Words();
}
