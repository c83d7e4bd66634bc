using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Dates relative to <see cref="EntityContext.ReferenceTime"/> in the context's time zone: "today", "yesterday",
/// "tomorrow", "last night", "the day before yesterday", "last/next/this tuesday", "3 days ago", "two weeks back",
/// "in 2 weeks", "5 days from now", "last week", "this month", "next year".
/// </summary>
/// <remarks>
/// "last tuesday" is the latest Tuesday before today and "next tuesday" the first after it; "this tuesday" is
/// the Tuesday of the current Monday-to-Sunday week. Weeks, months and years are given as ISO-8601 periods
/// ("2026-W47", "2026-11", "2026"). A bare weekday ("on tuesday") is left alone: past or future is a guess.
/// </remarks>
internal sealed partial class RelativeDateRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        Add(Named(), text, context, candidates);

        // Cheap check first: a counted date needs one of its cue words somewhere.
        if (text.Contains("ago", StringComparison.OrdinalIgnoreCase) || text.Contains("back", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("from", StringComparison.OrdinalIgnoreCase) || text.Contains("in ", StringComparison.OrdinalIgnoreCase))
        {
            Add(Counted(), text, context, candidates);
        }
    }

    private static void Add(Regex pattern, string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var value = Resolve(match, context);
            if (value is not null)
            {
                candidates.Add(Candidate.From(match, EntityKind.Date, value, Precedence.Shaped));
            }
        }
    }

    private static string? Resolve(Match match, EntityContext context)
    {
        var today = context.Today;
        if (match.Groups["day"] is { Success: true } day)
        {
            var word = day.Value.ToLowerInvariant();
            return DateFormats.Day(word switch
            {
                _ when word[0] == 'y' || word.StartsWith("last", StringComparison.Ordinal) => today.AddDays(-1),
                _ when word.StartsWith("tom", StringComparison.Ordinal) || word.StartsWith("tm", StringComparison.Ordinal) => today.AddDays(1),
                _ => today,
            });
        }

        if (match.Groups["dba"].Success)
        {
            return DateFormats.Day(today.AddDays(-2));
        }

        if (match.Groups["dat"].Success)
        {
            return DateFormats.Day(today.AddDays(2));
        }

        var direction = match.Groups["dir"].Value.ToLowerInvariant();
        if (match.Groups["wd"] is { Success: true } weekday)
        {
            return DateFormats.Day(Weekday(today, DateFormats.Weekday(weekday.Value), direction));
        }

        if (match.Groups["per"] is { Success: true } period)
        {
            var step = direction switch { "last" or "past" or "previous" => -1, "next" or "coming" => 1, _ => 0 };
            return period.Value.ToLowerInvariant() switch
            {
                "week" => DateFormats.Week(today.AddDays(7 * step)),
                "month" => DateFormats.Month(today.AddMonths(step).Year, today.AddMonths(step).Month),
                _ => DateFormats.Year(today.Year + step),
            };
        }

        var ago = match.Groups["ago"].Success;
        var ahead = match.Groups["in"].Success || match.Value.EndsWith("now", StringComparison.OrdinalIgnoreCase) ||
            match.Value.EndsWith("today", StringComparison.OrdinalIgnoreCase);
        if (!(ago || ahead) || !CountWords.TryParse(match.Groups["n"].Value, out var count) || count != decimal.Truncate(count) || count > 10_000)
        {
            return null;
        }

        var n = (int)(ago ? -count : count);
        var (unit, _) = DurationRecognizer.Unit(match.Groups["u"].Value);
        var local = context.LocalReferenceTime;
        return unit switch
        {
            "seconds" => DateFormats.Day(DateOnly.FromDateTime(local.AddSeconds(n).DateTime)),
            "minutes" => DateFormats.Day(DateOnly.FromDateTime(local.AddMinutes(n).DateTime)),
            "hours" => DateFormats.Day(DateOnly.FromDateTime(local.AddHours(n).DateTime)),
            "days" => DateFormats.Day(today.AddDays(n)),
            "weeks" => DateFormats.Day(today.AddDays(7 * n)),
            "months" => DateFormats.Day(today.AddMonths(n)),
            _ => DateFormats.Day(today.AddYears(n)),
        };
    }

    private static DateOnly Weekday(DateOnly today, DayOfWeek target, string direction)
    {
        var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
        switch (direction)
        {
            case "next" or "coming":
                return today.AddDays(ahead == 0 ? 7 : ahead);
            case "last" or "past" or "previous":
                var back = ((int)today.DayOfWeek - (int)target + 7) % 7;
                return today.AddDays(back == 0 ? -7 : -back);
            default:
                // "this": the day in the current Monday-to-Sunday week.
                static int MondayBased(DayOfWeek d) => ((int)d + 6) % 7;
                return today.AddDays(MondayBased(target) - MondayBased(today.DayOfWeek));
        }
    }

    // Named days, weekdays and periods.
    [GeneratedRegex("""
        \b(?:
            (?<day>today|tonight|yesterday|yday|tomorrow|tomorow|tmrw|tmr|last\s+night|earlier\s+today|this\s+(?:morning|afternoon|evening))
          | (?:the\s+)?day\s+(?:(?<dba>before\s+yesterday)|(?<dat>after\s+tomorrow))
          | (?<dir>last|past|previous|next|coming|this)\s+
            (?:(?<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)|(?<per>week|month|year))
        )\b
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Named();

    // A count of units: only a date with "in" before it or "ago", "back", "from now" after it.
    [GeneratedRegex("""
        (?:\b(?<in>in)\s+)?
        \b(?<n>\d{1,4}|a\s+couple\s+of|couple\s+of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?)\s+
        (?<u>sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|w(?:ee)?ks?|weeks?|mo(?:nth)?s?|y(?:ea)?rs?|years?)
        (?:\s+(?<ago>ago|back)|\s+from\s+(?:now|today))?\b
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Counted();
}
