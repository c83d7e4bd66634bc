using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Recognition;

/// <summary>Finds the first number in an answer, in digits ("3", "1,200", "$49.99") or words ("three").</summary>
public static partial class NumberRecognizer
{
    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];

    public static decimal? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = Digits().Match(text);
        if (digits.Success)
        {
            var value = digits.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal);
            if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return digits.Groups["neg"].Success ? -number : number;
            }
        }

        foreach (var token in TextNormalizer.Tokens(text))
        {
            var index = Array.IndexOf(Words, token);
            if (index >= 0)
            {
                return index;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<neg>-)?\$?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)")]
    private static partial Regex Digits();
}
