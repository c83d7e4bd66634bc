using System.Globalization;

namespace SupportBot.Recognition.Entities;

/// <summary>ISO-8601 text for the dates the date recognisers resolve.</summary>
internal static class DateFormats
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture);

    public static string Week(DateOnly anyDayInWeek)
    {
        var day = anyDayInWeek.ToDateTime(TimeOnly.MinValue);
        return ISOWeek.GetYear(day).ToString("D4", CultureInfo.InvariantCulture) + "-W" +
            ISOWeek.GetWeekOfYear(day).ToString("D2", CultureInfo.InvariantCulture);
    }

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>"jan", "sept", "December" → 1..12; 0 when not a month.</summary>
    public static int MonthNumber(string name) => name.Length < 3 ? 0 : name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };

    /// <summary>"mon", "Tues", "thursday" → the weekday.</summary>
    public static DayOfWeek Weekday(string name) => name[..2].ToLowerInvariant() switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };
}
