using System.Globalization;
using System.Text;

namespace SupportBot.Transcripts.Chat;

/// <summary>The chat replies of the <c>transcripts</c> command: the list of cases, and what to say when a filter was not understood.</summary>
public static class TranscriptListFormatter
{
    /// <summary>How many cases one reply lists.</summary>
    public const int PageSize = 10;

    public const string Examples =
        "For example: `transcripts battery-belt-damage last week`, `transcripts escalated yesterday`, " +
        "`transcripts missing-camera by <user id> since 2026-11-01`, `my transcripts`, `transcripts cancelled this month`.";

    /// <summary>One line per case, newest first: id, playbook, agent, started, turns, escalated, outcome.</summary>
    /// <param name="more">There are more matching cases than listed.</param>
    /// <param name="ownOnly">The caller is no trainer, so the list was narrowed to their own cases.</param>
    public static string List(IReadOnlyList<TranscriptCase> cases, bool more, TranscriptFilter filter, bool ownOnly)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(filter);
        var filters = filter.Understood.Count == 0 ? "" : " (" + string.Join(", ", filter.Understood) + ")";
        var yours = ownOnly && !filter.Mine ? " You see your own cases; trainers see everyone's." : "";
        if (cases.Count == 0)
        {
            return $"No cases match{filters}.{yours} {Examples}";
        }

        var text = new StringBuilder();
        text.Append(more ? $"The newest {cases.Count} matching cases{filters}; there are more, so add a filter to narrow them down:" : $"{Count(cases.Count)}{filters}, newest first:");
        text.Append(yours);
        foreach (var c in cases)
        {
            text.Append('\n').Append(Line(c));
        }

        text.Append("\nSay `replay N` to step through one (N is the case number).");
        return text.ToString();
    }

    /// <summary>One case on one line.</summary>
    public static string Line(TranscriptCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Join(" · ",
            $"**#{c.Id.ToString(CultureInfo.InvariantCulture)}** {c.PlaybookId ?? "(no playbook)"}",
            Agent(c),
            "started " + Time(c.StartedAt),
            c.Turns == 1 ? "1 turn" : $"{c.Turns.ToString(CultureInfo.InvariantCulture)} turns",
            c.Escalated ? "escalated" : "not escalated",
            Outcome(c));
    }

    /// <summary>Why the filter could not be run, in words, with examples.</summary>
    public static string NotUnderstood(TranscriptFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var problems = new List<string>();
        if (filter.Unknown.Count > 0)
        {
            var words = string.Join(", ", filter.Unknown.Select(w => $"\"{w}\""));
            problems.Add($"I didn't understand {words}.");
        }

        if (filter.AmbiguousPlaybooks.Count > 0)
        {
            var options = filter.AmbiguousPlaybooks.Take(6).Select(p => $"`{p.Id}` ({p.Title})").ToList();
            var others = filter.AmbiguousPlaybooks.Count - options.Count;
            problems.Add($"\"{filter.AmbiguousWords}\" fits several playbooks: {string.Join(", ", options)}{(others > 0 ? $" and {others} more" : "")}. Use the playbook id.");
        }

        if (filter.Conflicts.Count > 0)
        {
            problems.Add("The filters clash: " + string.Join("; ", filter.Conflicts) + ".");
        }

        if (filter.Understood.Count > 0)
        {
            problems.Add("(I did understand: " + string.Join(", ", filter.Understood) + ".)");
        }

        return string.Join(" ", problems) + " " + Examples;
    }

    public static string Agent(TranscriptCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var id = c.AgentId ?? "unknown agent";
        return string.IsNullOrWhiteSpace(c.AgentName) || c.AgentName == c.AgentId ? id : $"{id} ({c.AgentName})";
    }

    public static string Outcome(TranscriptCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Status switch
        {
            CaseStatus.Completed => c.OutcomeId is null ? "completed" : "completed: " + c.OutcomeId,
            CaseStatus.Cancelled => "cancelled",
            _ => "open",
        };
    }

    /// <summary>An instant as trainers read it in any channel: UTC, to the minute.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Count(int n) => n == 1 ? "1 case" : $"{n.ToString(CultureInfo.InvariantCulture)} cases";
}
