using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Calendar dates: "2026-04-20", "4/20/26", "4/20/2026", "4-20-2026", "4/20", "April 20", "Apr 20th, 2026",
/// "20 Apr 2026", "20th of April", and a month with a year ("April 2026" → "2026-04"). Numbers are read
/// month first (US order). Impossible dates (2/30, 24/7) are not dates, and neither is a month name followed by
/// a count ("it may 2 days", "apr 3 more cameras").
/// </summary>
/// <remarks>
/// A date without a year is taken in the year that puts it between eleven months before and one month after
/// the reference day: on 2026-11-25 "April 20" is 2026-04-20, "Dec 3" is 2026-12-03 and "Dec 30" is 2025-12-30.
/// Two-digit years are 20yy unless that is more than 20 years ahead of the reference year.
/// </remarks>
internal sealed partial class AbsoluteDateRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return;
        }

        Add(Numeric(), text, context.Today, candidates);
        Add(MonthFirst(), text, context.Today, candidates);
        Add(DayFirst(), text, context.Today, candidates);
    }

    private static void Add(Regex pattern, string text, DateOnly today, List<Candidate> candidates)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var value = Resolve(match, today);
            if (value is not null)
            {
                candidates.Add(Candidate.From(match.Groups["date"], EntityKind.Date, value, Precedence.Shaped));
            }
        }
    }

    private static string? Resolve(Match match, DateOnly today)
    {
        var monthName = match.Groups["mon"];
        var month = monthName.Success ? DateFormats.MonthNumber(monthName.Value) : Number(match.Groups["m"]);
        var yearGroup = match.Groups["y"];
        var year = yearGroup.Success ? Year(yearGroup.Value, today.Year) : 0;
        if (month is < 1 or > 12)
        {
            return null;
        }

        var dayGroup = match.Groups["d"];
        if (!dayGroup.Success)
        {
            return year > 0 ? DateFormats.Month(year, month) : null;
        }

        var day = Number(dayGroup);
        if (year > 0)
        {
            return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? DateFormats.Day(new DateOnly(year, month, day)) : null;
        }

        // No year: this year, unless that is over a month ahead (then last year) or next year's is within a month.
        var latest = today.AddMonths(1);
        foreach (var candidateYear in (ReadOnlySpan<int>)[today.Year + 1, today.Year, today.Year - 1])
        {
            if (day < 1 || day > DateTime.DaysInMonth(candidateYear, month))
            {
                continue;
            }

            var date = new DateOnly(candidateYear, month, day);
            if (date <= latest)
            {
                return DateFormats.Day(date);
            }
        }

        return null;
    }

    private static int Number(Group group) =>
        group.Success && int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static int Year(string text, int referenceYear)
    {
        var year = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (text.Length > 2)
        {
            return year is >= 1900 and <= 2199 ? year : -1;
        }

        var century = referenceYear / 100 * 100;
        return century + year > referenceYear + 20 ? century - 100 + year : century + year;
    }

    // The month names a date can use.
    private const string MonthName =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    // After a day number, a count of something else means the number was no day ("may 2 days", "apr 3 more cams").
    private const string NotACount =
        @"(?!\s+(?:(?:more|other|new|extra)\s+)?(?:sec|min|h(?:ou)?rs?|hours?|days?|w(?:ee)?ks?|weeks?|mo(?:nth)?s?|y(?:ea)?rs?|years?|cams?|cameras?|units?|devices?|times?)\b)";

    // 2026-04-20, 2026/04/20, 4/20/26, 4/20/2026, 4/20, 4-20-2026.
    [GeneratedRegex("""
        (?<![\w/.:-])
        (?<date>
            (?<y>\d{4})(?<sep>[-/])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})
          | (?<m>\d{1,2})/(?<d>\d{1,2})(?:/(?<y>\d{4}|\d{2}))?
          | (?<m>\d{1,2})-(?<d>\d{1,2})-(?<y>\d{4})
        )
        (?![\w/]|[-.:]\d)
        """, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Numeric();

    // April 20, Apr 20th, 2026, April 2026.
    [GeneratedRegex(
        @"\b(?<date>(?<mon>" + MonthName + @")\.?\s+(?:(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?" + NotACount + @"|(?<y>\d{4})))(?![\w/]|[-.:]\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthFirst();

    // 20 Apr 2026, 20th of April.
    [GeneratedRegex(
        @"(?<![\w/.:-])(?<date>(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + MonthName + @")\.?(?:,?\s+(?<y>\d{4}))?)(?![\w/]|[-.:]\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayFirst();
}
