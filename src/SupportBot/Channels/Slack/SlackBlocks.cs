using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Escalations;

namespace SupportBot.Host.Channels.Slack;

/// <summary>
/// Block Kit for an escalation: one glanceable message with a header, the key fields, what happened, what was
/// tried and asked, the ticket note, the latest audit entries and one button per lead action allowed now.
/// </summary>
/// <remarks>
/// Everything that comes from people (summary, customer, note, names…) is escaped (<c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c>) and then cut to Slack's limits without splitting an entity; a cut is marked with "…".
/// Buttons carry <c>action_id</c> = <c>escalation:{id}:{LeadAction}</c> and <c>value</c> = the id.
/// </remarks>
public static class SlackBlocks
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFieldText = 2000;
    public const int MaxFields = 10;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxContextElements = 10;
    public const int MaxActionElements = 25;
    public const int MaxIdLength = 255;

    /// <summary>The top-level <c>text</c> (notification and screen-reader fallback) is kept well below Slack's 4,000.</summary>
    public const int MaxFallbackText = 3000;

    /// <summary>How many audit entries the context line shows (newest last).</summary>
    public const int AuditEntries = 3;

    public const string ActionIdPrefix = SlackEndpoints.EscalationActionPrefix;

    private const string Ellipsis = "…";
    private const string Fence = "```";

    /// <summary><c>escalation:{id}:{action}</c>, the convention shared with the handler of button clicks.</summary>
    public static string ActionId(long escalationId, LeadAction action) => SlackEndpoints.EscalationActionId(escalationId, action);

    /// <summary>Reads <c>escalation:{id}:{action}</c> back; false for anything else.</summary>
    public static bool TryParseActionId(string? actionId, out long escalationId, out LeadAction action) =>
        SlackEndpoints.TryParseEscalationActionId(actionId, out escalationId, out action);

    public static string ButtonLabel(LeadAction action) => action switch
    {
        LeadAction.Acknowledge => "Acknowledge",
        LeadAction.TakeOver => "Take over",
        LeadAction.Approve => "Approve",
        LeadAction.Decline => "Decline",
        LeadAction.NeedMoreInfo => "Need more info",
        LeadAction.Resolve => "Resolve",
        LeadAction.ReturnToAgent => "Return to agent",
        _ => action.ToString(),
    };

    /// <summary>The notification text sent with the blocks: escaped and short.</summary>
    public static string FallbackText(Escalation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = $"Escalation #{Id(e)}: {Category(e)} ({Urgency(e)}), {EscalationService.Describe(e.Status)}";
        return Fit(Escape(text), MaxFallbackText);
    }

    /// <summary>The blocks of the escalation message as it stands now.</summary>
    public static JsonArray ForEscalation(Escalation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = PlainText(Fit(Escape($"{UrgencyMark(e.Urgency)} #{Id(e)} {Category(e)} · {Urgency(e).ToUpperInvariant()}"), MaxHeaderText)),
            },
        };

        var fields = new JsonArray
        {
            Field("Status", Capitalize(EscalationService.Describe(e.Status))),
            Field("Route", (string.IsNullOrWhiteSpace(e.Route) ? "none" : e.Route) + (e.OffHours ? " (off-hours)" : "")),
            Field("Assignee", string.IsNullOrWhiteSpace(e.Assignee) ? "nobody" : e.Assignee),
            Field("Customer", string.IsNullOrWhiteSpace(e.Customer) ? "unknown" : e.Customer),
        };
        if (!string.IsNullOrWhiteSpace(e.Decision))
        {
            fields.Add(Field("Decision", e.Decision));
        }

        blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });

        var happened = string.IsNullOrWhiteSpace(e.Summary) ? "(no summary)" : e.Summary;
        if (!string.IsNullOrWhiteSpace(e.Reason))
        {
            happened += "\nWhy escalated: " + e.Reason;
        }

        blocks.Add(Section("What happened", Escape(happened)));
        if (e.Tried.Count > 0)
        {
            blocks.Add(Section("Already tried", Bullets(e.Tried)));
        }

        if (e.Asks.Count > 0)
        {
            blocks.Add(Section("Asked of the lead", Bullets(e.Asks)));
        }

        if (!string.IsNullOrWhiteSpace(e.PendingQuestion))
        {
            blocks.Add(Section("Waiting for the agent", Escape(e.PendingQuestion)));
        }

        if (!string.IsNullOrWhiteSpace(e.Note))
        {
            blocks.Add(NoteSection(e.Note));
        }

        if (e.Audit.Count > 0)
        {
            var elements = new JsonArray();
            foreach (var entry in e.Audit.TakeLast(Math.Min(AuditEntries, MaxContextElements)))
            {
                elements.Add(Mrkdwn(Fit(Escape(AuditLine(entry)), MaxSectionText)));
            }

            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = elements });
        }

        var buttons = new JsonArray();
        var primaryUsed = false;
        if (!e.IsClosed)
        {
            foreach (var action in EscalationTransitions.Allowed(e.Status).Distinct().Take(MaxActionElements))
            {
                var button = new JsonObject
                {
                    ["type"] = "button",
                    ["action_id"] = ActionId(e.Id, action),
                    ["text"] = PlainText(Fit(ButtonLabel(action), MaxButtonText)),
                    ["value"] = e.Id.ToString(CultureInfo.InvariantCulture),
                };
                if (Style(action) is { } style && (style != "primary" || !primaryUsed))
                {
                    button["style"] = style;
                    primaryUsed |= style == "primary"; // Slack: at most one primary button per set
                }

                buttons.Add(button);
            }
        }

        if (buttons.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                // A new block_id per version, as Slack asks for updated messages.
                ["block_id"] = Fit($"escalation-{Id(e)}-v{e.Version.ToString(CultureInfo.InvariantCulture)}", MaxIdLength),
                ["elements"] = buttons,
            });
        }
        else
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { Mrkdwn($"No actions left: this escalation is {EscalationService.Describe(e.Status)}.") },
            });
        }

        while (blocks.Count > MaxBlocks)
        {
            blocks.RemoveAt(blocks.Count - 2); // never drop the header or the buttons
        }

        return blocks;
    }

    /// <summary>The ticket note in a code block; a note too long for one section is cut visibly.</summary>
    internal static JsonObject NoteSection(string note)
    {
        const string Title = "*Ticket note*\n" + Fence + "\n";
        const string End = "\n" + Fence;
        const string Cut = "\n… (note truncated)";
        var escaped = Escape(note.Replace(Fence, "'''", StringComparison.Ordinal));
        var room = MaxSectionText - Title.Length - End.Length;
        var body = escaped.Length <= room ? escaped : CutAt(escaped, room - Cut.Length) + Cut;
        return new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(Title + body + End) };
    }

    /// <summary>mrkdwn escaping: exactly &amp;, &lt; and &gt; (ampersand first).</summary>
    public static string Escape(string? text) => SlackAdapter.Escape(text ?? "");

    /// <summary>Cuts already-escaped text to <paramref name="max"/> characters with "…", never inside an entity.</summary>
    public static string Fit(string escaped, int max)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        return escaped.Length <= max ? escaped : CutAt(escaped, max - Ellipsis.Length) + Ellipsis;
    }

    private static string CutAt(string escaped, int length)
    {
        var end = Math.Max(0, length);
        var amp = escaped.LastIndexOf('&', Math.Max(0, end - 1));
        if (amp >= 0 && amp < end)
        {
            var semicolon = escaped.IndexOf(';', amp);
            if (semicolon >= end && semicolon - amp <= 5)
            {
                end = amp; // "&amp;" would be split: cut before it
            }
        }

        if (end > 0 && char.IsHighSurrogate(escaped[end - 1]))
        {
            end--;
        }

        return escaped[..end];
    }

    private static JsonObject Section(string title, string escapedBody)
    {
        var head = "*" + title + "*\n";
        return new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(head + Fit(escapedBody, MaxSectionText - head.Length)) };
    }

    private static JsonObject Field(string label, string value)
    {
        var head = "*" + label + "*\n";
        return Mrkdwn(head + Fit(Escape(value), MaxFieldText - head.Length));
    }

    private static string Bullets(IEnumerable<string> items)
    {
        var text = new StringBuilder();
        foreach (var item in items.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            text.Append(text.Length == 0 ? "" : "\n").Append("• ").Append(Escape(item.Trim()));
        }

        return text.Length == 0 ? "(none)" : text.ToString();
    }

    private static string AuditLine(AuditEntry entry)
    {
        var line = $"{entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · {entry.Who} {entry.Action}";
        return string.IsNullOrWhiteSpace(entry.Detail) ? line : line + ": " + entry.Detail;
    }

    private static string? Style(LeadAction action) => action switch
    {
        LeadAction.Acknowledge or LeadAction.Approve or LeadAction.Resolve => "primary",
        LeadAction.Decline => "danger",
        _ => null,
    };

    private static string UrgencyMark(string? urgency) => (urgency ?? "").Trim().ToLowerInvariant() switch
    {
        "critical" or "urgent" => "🚨",
        "high" => "🔴",
        "low" => "⚪",
        _ => "🟡",
    };

    private static string Id(Escalation e) => e.Id.ToString(CultureInfo.InvariantCulture);

    private static string Category(Escalation e) => string.IsNullOrWhiteSpace(e.Category) ? "Escalation" : e.Category.Trim();

    private static string Urgency(Escalation e) => string.IsNullOrWhiteSpace(e.Urgency) ? "normal" : e.Urgency.Trim();

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text.Length == 0 ? " " : text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
