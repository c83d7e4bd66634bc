using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// Ticket numbers of 4+ digits after "ticket", "tkt", "case" or "incident" ("ticket #12345", "case: 4321",
/// "tkt 98765"). A bare "#4321" is read by <see cref="HashNumberRecognizer"/>.
/// </summary>
internal sealed partial class TicketNumberRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            var number = match.Groups["v"];
            candidates.Add(Candidate.From(number, EntityKind.TicketNumber, number.Value, Precedence.Labelled));
        }
    }

    [GeneratedRegex("""
        \b(?:ticket|tkt|case|incident)(?:\s*(?:number|num|no\.?|id))?
        (?:\s*(?:is|:|=|\#))*\s*
        (?<v>\d{4,})
        (?![\w]|[-./]\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Pattern();
}
