using System.Text.RegularExpressions;

namespace SupportBot.Recognition.Entities;

/// <summary>
/// A bare "#" with 4+ digits, which could be an order or a ticket. When the bot has asked for one of the two
/// (<see cref="EntityContext.Expecting"/>) it is that; otherwise 6+ digits make an order number ("#123456") and
/// 4–5 digits a ticket ("#4321"). A cue word before it ("order #…", "ticket #…") outranks this reading.
/// </summary>
internal sealed partial class HashNumberRecognizer : IEntitySource
{
    public void Collect(string text, EntityContext context, List<Candidate> candidates)
    {
        if (!text.Contains('#', StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in Pattern().Matches(text))
        {
            var number = match.Groups["v"];
            var kind = context.Expecting switch
            {
                EntityKind.OrderNumber or EntityKind.TicketNumber => context.Expecting.Value,
                _ => number.Length >= 6 ? EntityKind.OrderNumber : EntityKind.TicketNumber,
            };
            candidates.Add(Candidate.From(number, kind, number.Value, Precedence.Guess));
        }
    }

    [GeneratedRegex(@"(?<![\w#&])#\s?(?<v>\d{4,20})(?![\w]|[-./]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
