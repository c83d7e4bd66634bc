using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Order numbers. After a cue word ("order", "ord", "po", "purchase order", with "#", "no.", "number", "is"…)
/// any 4+ digit number, optionally with a short letter prefix and hyphens, is an order — even one shaped like
/// a phone number ("order 5551234567"). Without a cue, only hyphenated groups that are neither a phone number
/// (3-3-4) nor a date are taken ("100-2000-3000"). The value is upper-case.
/// </summary>
internal sealed partial class OrderNumberRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Labelled().Matches(text))
        {
            var number = match.Groups["v"];
            if (CountDigits(number.ValueSpan) >= 4 && !DateShape().IsMatch(number.ValueSpan))
            {
                candidates.Add(Candidate.From(number, EntityKind.OrderNumber, number.Value.ToUpperInvariant(), Precedence.Labelled));
            }
        }

        foreach (Match match in Grouped().Matches(text))
        {
            var number = match.Groups["v"];
            if (CountDigits(number.ValueSpan) >= 8 && !PhoneShape().IsMatch(number.ValueSpan) && !DateShape().IsMatch(number.ValueSpan))
            {
                candidates.Add(Candidate.From(number, EntityKind.OrderNumber, number.Value, Precedence.Guess));
            }
        }
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex("""
        \b(?:purchase\s+order|order|ord|po)
        (?:\s*(?:number|num|no\.?|id))?
        (?:\s*(?:is|:|=|\#))*\s*
        (?<v>(?:[a-z]{1,4}-?)?\d+(?:-\d+)*)
        (?![\w]|[-./]\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"(?<![\w#$€£./:-])(?<v>\d{2,6}(?:-\d{2,6}){2,3})(?![\w-]|[./:]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^(?:1-)?\d{3}-\d{3}-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();
}
