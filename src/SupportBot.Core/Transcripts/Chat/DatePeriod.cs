using System.Globalization;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// A span of whole calendar days, [<see cref="Start"/>, <see cref="End"/>), read from the ISO-8601 values the date
/// recognisers produce: a day ("2026-11-24"), a week ("2026-W47", Monday to Sunday), a month ("2026-11") or a year.
/// </summary>
public readonly record struct DatePeriod(DateOnly Start, DateOnly End)
{
    public static DatePeriod Day(DateOnly day) => new(day, day.AddDays(1));

    public static bool TryParse(string value, out DatePeriod period)
    {
        period = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            period = Day(day);
            return true;
        }

        if (value.Length == 8 && value[4..6] == "-W"
            && int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var weekYear)
            && int.TryParse(value[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(weekYear))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(weekYear, week, DayOfWeek.Monday));
            period = new DatePeriod(monday, monday.AddDays(7));
            return true;
        }

        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var firstOfMonth) && value.Length == 7)
        {
            period = new DatePeriod(firstOfMonth, firstOfMonth.AddMonths(1));
            return true;
        }

        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and < 9999)
        {
            period = new DatePeriod(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            return true;
        }

        return false;
    }

    /// <summary>Local midnight of <paramref name="day"/> in <paramref name="zone"/>, as an instant.</summary>
    public static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>"2026-11-16 to 2026-11-22" (the last day included), or the one day.</summary>
    public override string ToString()
    {
        var last = End.AddDays(-1);
        return last == Start
            ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " to " + last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
