using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Serial numbers after "sn", "s/n", "serial", "serial number", "serial no." or "serial#": 8–20 letters and
/// digits with at least one digit (so "serial number unreadable" is none). The value is upper-case.
/// </summary>
internal sealed partial class SerialNumberRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var serial = match.Groups["v"];
            if (serial.ValueSpan.IndexOfAnyInRange('0', '9') >= 0)
            {
                candidates.Add(Candidate.From(serial, EntityKind.SerialNumber, serial.Value.ToUpperInvariant(), Precedence.Labelled));
            }
        }
    }

    [GeneratedRegex("""
        \b(?:s/n|sn|serial(?:\s*(?:number|num|no\.?))?)
        (?:\s*(?:is|:|=|\#|-))?\s*
        (?<v>[a-z0-9]{8,20})
        (?![\w-])
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
