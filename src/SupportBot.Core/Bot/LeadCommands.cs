using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Escalations;

namespace SupportBot.Bot;

/// <summary>A lead's command typed in chat: list, show, or act on an escalation.</summary>
public sealed record LeadCommand(string Kind, long? EscalationId, LeadAction? Action, string? Text)
{
    public const string Mine = "mine";
    public const string Show = "show";
    public const string Act = "act";
}

/// <summary>
/// Recognises "my escalations", "escalation 42", and actions such as "ack 42", "take over 42",
/// "approve 42", "return 42 missing serial", "ask 42 which firmware?".
/// </summary>
public static partial class LeadCommands
{
    public static LeadCommand? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (Mine().IsMatch(trimmed))
        {
            return new LeadCommand(LeadCommand.Mine, null, null, null);
        }

        if (Show().Match(trimmed) is { Success: true } show)
        {
            return new LeadCommand(LeadCommand.Show, long.Parse(show.Groups["id"].Value, CultureInfo.InvariantCulture), null, null);
        }

        if (Act().Match(trimmed) is { Success: true } act)
        {
            var action = act.Groups["verb"].Value.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal) switch
            {
                "ack" or "acknowledge" => LeadAction.Acknowledge,
                "takeover" or "take" => LeadAction.TakeOver,
                "approve" => LeadAction.Approve,
                "decline" => LeadAction.Decline,
                "resolve" => LeadAction.Resolve,
                "return" => LeadAction.ReturnToAgent,
                _ => LeadAction.NeedMoreInfo,
            };
            var rest = act.Groups["text"].Value.Trim();
            return new LeadCommand(LeadCommand.Act, long.Parse(act.Groups["id"].Value, CultureInfo.InvariantCulture), action, rest.Length == 0 ? null : rest);
        }

        return null;
    }

    [GeneratedRegex(@"^(my|show my|list my)\s+escalations?\??$", RegexOptions.IgnoreCase)]
    private static partial Regex Mine();

    [GeneratedRegex(@"^(escalation|esc)\s*#?(?<id>\d{1,9})$", RegexOptions.IgnoreCase)]
    private static partial Regex Show();

    [GeneratedRegex(@"^(?<verb>ack|acknowledge|take over|takeover|take|approve|decline|resolve|return|ask|more info)\s+(escalation\s+)?#?(?<id>\d{1,9})\b[\s:,-]*(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Act();
}
