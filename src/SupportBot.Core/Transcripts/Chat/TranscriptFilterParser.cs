using System.Text.RegularExpressions;
using SupportBot.Playbooks;
using SupportBot.Recognition.Entities;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// Reads a trainer's <c>transcripts …</c> message into a <see cref="TranscriptFilter"/>: a playbook (its id, or
/// words of its title), dates ("yesterday", "last week", "this month", "last 7 days", "since 2026-11-01",
/// "between 2026-11-01 and 2026-11-10", a single date), "escalated" / "not escalated", a status (completed,
/// cancelled, open) or an outcome id, and whose cases ("by &lt;user id&gt;", "mine", "my"). Every word must be
/// understood: anything left over is reported rather than guessed at.
/// </summary>
/// <remarks>
/// Dates are calendar days in <c>zone</c>, counted from <c>now</c> (the message's time); a range includes its
/// last day. "last week" is the previous Monday-to-Sunday week; "last 7 days" is the seven days up to and
/// including today.
/// </remarks>
public sealed partial class TranscriptFilterParser
{
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "show", "list", "find", "all", "the", "for", "in", "of", "on", "cases", "case", "please", "a", "an", "me", "that",
        "were", "was", "which", "ones", "any", "and", "with", "playbook", "playbooks", "started",
    };

    private readonly PlaybookCatalog _catalog;
    private readonly PlaybookTitleMatcher _titles;
    private readonly HashSet<string> _outcomeIds;

    public TranscriptFilterParser(PlaybookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _titles = new PlaybookTitleMatcher(catalog);
        _outcomeIds = catalog.Playbooks.SelectMany(p => p.Outcomes.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a transcripts command ("transcripts …", "my transcripts …",
    /// "show transcripts …"); <paramref name="filters"/> is the rest of the message.
    /// </summary>
    public static bool IsCommand(string? text, out string filters, out bool mine)
    {
        var match = text is null ? Match.Empty : Command().Match(text);
        filters = match.Success ? match.Groups["rest"].Value.Trim() : "";
        mine = match.Success && match.Groups["my"].Success;
        return match.Success;
    }

    /// <summary>Reads the filters of a transcripts command.</summary>
    /// <param name="filters">The message after the command word.</param>
    /// <param name="mine">The command itself said "my" ("my transcripts").</param>
    /// <param name="callerId">Who asked: what "my", "mine" and "by me" mean.</param>
    /// <param name="now">The moment relative dates count from.</param>
    /// <param name="zone">The time zone whose calendar days the dates are.</param>
    public TranscriptFilter Parse(string filters, bool mine, string? callerId, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(zone);
        var state = new ParseState(this, new Scan(filters), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime));
        if (mine)
        {
            state.Mine = true;
        }

        state.ReadAgent();
        state.ReadEscalated();
        state.ReadStatusAndOutcome();
        state.ReadDates(new EntityContext(now, zone));
        state.ReadWords();
        return state.Finish(callerId, zone);
    }

    [GeneratedRegex(@"^\s*/?(?:(?:show|list|find)\s+(?:me\s+)?(?:all\s+)?(?:the\s+)?)?(?<my>my\s+)?transcripts?(?=$|[\s.,!?])(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Command();

    [GeneratedRegex(@"\bby\s+me\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByMe();

    [GeneratedRegex(@"\b(?:my|mine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MyOrMine();

    // A Slack mention (<@U123|name>) or any id without spaces: Teams "29:…", Slack "U…", web chat "web-agent".
    [GeneratedRegex(@"\bby\s+(?:<@(?<id>[A-Za-z0-9]+)(?:\|[^>]*)?>|(?<id>[^\s,;<>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByAgent();

    [GeneratedRegex(@"\b(?:(?:not|non|un)[\s-]?escalated|without\s+(?:an?\s+)?escalations?|no\s+escalations?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotEscalated();

    [GeneratedRegex(@"\b(?:escalated|with\s+(?:an?\s+)?escalations?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Escalated();

    [GeneratedRegex(@"\b(?<s>completed|complete|finished|done|cancelled|canceled|open|ongoing|unfinished|in\s+progress)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Status();

    [GeneratedRegex(@"\boutcome\s+(?<id>[a-z0-9][a-z0-9_-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitOutcome();

    [GeneratedRegex(@"\b(?:last|past|previous)\s+(?<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?<u>days?|weeks?|months?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastCount();

    // The word just before a date that says what the date bounds.
    [GeneratedRegex(@"\b(?<c>since|after|from|between|until|till|before|to|and|on|through|thru)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();
}
