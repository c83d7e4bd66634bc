using System.Globalization;
using Microsoft.Extensions.Primitives;
using SupportBot.Transcripts;

namespace SupportBot.Host.Endpoints.Transcripts;

/// <summary>
/// Reads the filters of <c>GET /api/transcripts</c> and <c>GET /api/reports/dispositions</c> from the query
/// string into a <see cref="TranscriptQuery"/>, or says which value is wrong and why.
/// </summary>
public static class TranscriptFilterParser
{
    /// <summary>The most cases one page of the list may hold; a larger <c>limit</c> is cut to this.</summary>
    public const int MaxPageSize = 200;

    // ISO 8601 only: a loose parse would read "01/02/2025" one way on the server and mean another in the page.
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Every filter of the list: playbook, agent, from, to, outcome, escalated, before, limit.</summary>
    public static bool TryParseList(IQueryCollection query, out TranscriptQuery result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        result = new TranscriptQuery();
        if (!TryParseCommon(query, ref result, out error)
            || !TrySingle(query, "agent", out var agent, out error)
            || !TrySingle(query, "outcome", out var outcome, out error)
            || !TryParseEscalated(query, out var escalated, out error)
            || !TryParseBefore(query, out var before, out error)
            || !TryParseLimit(query, out var limit, out error))
        {
            return false;
        }

        result = result with { AgentId = agent, Outcome = outcome, Escalated = escalated, BeforeId = before, Limit = limit };
        return true;
    }

    /// <summary>The filters a report takes: playbook, from and to.</summary>
    public static bool TryParseReport(IQueryCollection query, out TranscriptQuery result, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        result = new TranscriptQuery();
        return TryParseCommon(query, ref result, out error);
    }

    private static bool TryParseCommon(IQueryCollection query, ref TranscriptQuery result, out string? error)
    {
        if (!TrySingle(query, "playbook", out var playbook, out error)
            || !TryParseInstant(query, "from", endOfDay: false, out var from, out error)
            || !TryParseInstant(query, "to", endOfDay: true, out var to, out error))
        {
            return false;
        }

        if (from is not null && to is not null && from >= to)
        {
            error = "from must be before to.";
            return false;
        }

        result = result with { PlaybookId = playbook, From = from, To = to };
        return true;
    }

    /// <summary>
    /// A date-time is taken as given (UTC when it has no offset). A plain date is the whole UTC day: its
    /// start for <c>from</c>, and for <c>to</c> the start of the next day, so the day itself is included.
    /// </summary>
    private static bool TryParseInstant(IQueryCollection query, string name, bool endOfDay, out DateTimeOffset? value, out string? error)
    {
        value = null;
        if (!TrySingle(query, name, out var text, out error) || text is null)
        {
            return error is null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = endOfDay ? start.AddDays(1) : start;
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            value = instant;
            return true;
        }

        error = $"{name} must be an ISO 8601 date (2025-01-31) or date and time (2025-01-31T09:30:00Z); got '{text}'.";
        return false;
    }

    private static bool TryParseEscalated(IQueryCollection query, out bool? value, out string? error)
    {
        value = null;
        if (!TrySingle(query, "escalated", out var text, out error) || text is null)
        {
            return error is null;
        }

        if (bool.TryParse(text, out var flag))
        {
            value = flag;
            return true;
        }

        error = $"escalated must be true or false; got '{text}'.";
        return false;
    }

    private static bool TryParseBefore(IQueryCollection query, out long? value, out string? error)
    {
        value = null;
        if (!TrySingle(query, "before", out var text, out error) || text is null)
        {
            return error is null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            value = id;
            return true;
        }

        error = $"before must be a case id (a positive whole number): the last id of the previous page; got '{text}'.";
        return false;
    }

    private static bool TryParseLimit(IQueryCollection query, out int value, out string? error)
    {
        value = TranscriptQuery.DefaultLimit;
        if (!TrySingle(query, "limit", out var text, out error) || text is null)
        {
            return error is null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
        {
            value = Math.Min(limit, MaxPageSize);
            return true;
        }

        error = $"limit must be a whole number from 1 to {MaxPageSize}; got '{text}'.";
        return false;
    }

    /// <summary>One trimmed value, or null when the parameter is absent or blank; a repeated parameter is an error.</summary>
    private static bool TrySingle(IQueryCollection query, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            error = $"{name} may be given only once.";
            return false;
        }

        var text = values[0]?.Trim();
        value = string.IsNullOrEmpty(text) ? null : text;
        return true;
    }
}
