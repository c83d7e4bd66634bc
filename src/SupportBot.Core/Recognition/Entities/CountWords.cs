using System.Globalization;

namespace SupportBot.Recognition.Entities;

/// <summary>Reads the small counts agents write before a unit: "3", "three", "a", "a couple of".</summary>
internal static class CountWords
{
    public static bool TryParse(string text, out decimal count)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        count = text.ToLowerInvariant() switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            _ when text.Contains("couple", StringComparison.OrdinalIgnoreCase) => 2,
            _ => 0,
        };
        return count > 0;
    }
}
