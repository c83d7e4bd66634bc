using System.Globalization;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Escalations;
using SupportBot.Playbooks;

namespace SupportBot.Host.Channels.Teams.Cards;

/// <summary>
/// Builds the Adaptive Cards (version 1.5, the highest Teams renders) SupportBot sends to Teams: a prompt
/// with its choices as buttons, a playbook outcome, and an escalation for leads with one button per
/// allowed action. Cards are plain <see cref="JsonObject"/>s that validate against the 1.5 schema once
/// the card-level Teams extension <c>msteams</c> is set aside.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public const string Version = "1.5";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>Invoke response type whose value is a plain message Teams shows to the user.</summary>
    public const string MessageResponseType = "application/vnd.microsoft.activity.message";

    /// <summary>Invoke response type whose value is <c>{code, message}</c>.</summary>
    public const string ErrorResponseType = "application/vnd.microsoft.error";

    /// <summary>Id of the text input on an escalation card (the lead's question, reason or comment).</summary>
    public const string TextInputId = "text";

    /// <summary>Up to this many choices go in the card's action bar; more are laid out in rows in the body.</summary>
    internal const int MaxBarActions = 6;

    internal const int ChoicesPerRow = 3;

    /// <summary>How many audit entries an escalation card shows.</summary>
    internal const int HistoryEntries = 5;

    /// <summary>
    /// A prompt: the reply's text in a wrapping TextBlock and one <c>Action.Submit</c> per suggested action,
    /// sent as a Teams <c>messageBack</c>, so a click arrives as a message whose <c>text</c> (and
    /// <c>value.text</c>) is the choice's value, with the title shown as the user's line.
    /// </summary>
    public static JsonObject ForPrompt(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var body = new JsonArray();
        var text = CardMarkdown.ToTextBlock(reply.Text);
        if (text.Length > 0)
        {
            body.Add(TextBlock(text));
        }

        var choices = (reply.SuggestedActions?.Actions ?? []).Select(ChoiceAction).ToList();
        var card = Card(body, fallbackText: FallbackText(reply));
        if (choices.Count == 0)
        {
            return card;
        }

        if (choices.Count <= MaxBarActions)
        {
            card["actions"] = new JsonArray([.. choices]);
            return card;
        }

        // Teams moves actions past the sixth into an overflow menu; rows keep every choice in sight.
        foreach (var row in choices.Chunk(ChoicesPerRow))
        {
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray([.. row]),
            });
        }

        return card;
    }

    /// <summary>
    /// A finished playbook: the title, the numbered actions to do now, the ticket note in a monospace block
    /// (one line per TextBlock, so it copies as it reads), the suggested disposition, and the escalation
    /// route and urgency when the outcome calls for one.
    /// </summary>
    public static JsonObject ForOutcome(OutcomeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonArray
        {
            Heading(view.Title),
        };
        if (!string.IsNullOrWhiteSpace(view.PlaybookTitle) && view.PlaybookTitle != view.Title)
        {
            body.Add(TextBlock(view.PlaybookTitle, subtle: true, spacing: "none"));
        }

        if (view.Actions.Count > 0)
        {
            body.Add(Label("Do now"));
            for (var i = 0; i < view.Actions.Count; i++)
            {
                body.Add(NumberedLine(i + 1, view.Actions[i]));
            }
        }

        body.Add(Label("Ticket note (copy into the ticket)"));
        body.Add(NoteBlock(view.Note.ToPlainText()));

        var facts = new JsonArray
        {
            Fact("Suggested disposition", Join(" > ", view.DispositionCategory, view.DispositionName)),
        };
        body.Add(FactSet(facts, separator: true));

        if (view.EscalationRoute is not null)
        {
            var urgency = string.IsNullOrWhiteSpace(view.EscalationUrgency) ? "normal" : view.EscalationUrgency;
            var escalation = new JsonArray
            {
                TextBlock($"**Escalate to {view.EscalationRoute}** ({urgency})", color: UrgencyColor(urgency)),
            };
            if (!string.IsNullOrWhiteSpace(view.EscalationReason))
            {
                escalation.Add(TextBlock(view.EscalationReason, spacing: "small"));
            }

            body.Add(Container(escalation, UrgencyStyle(urgency)));
        }

        return Card(body, fallbackText: view.Title, fullWidth: true);
    }

    /// <summary>
    /// One glanceable card for a lead: what the escalation is and where it stands, what happened, what was
    /// tried and asked, the note, when it was created and how old it is, who did what last, and one
    /// <c>Action.Execute</c> (with an <c>Action.Submit</c> fallback for older clients) per action allowed in
    /// its status. Rendering the escalation again after an action gives the updated card.
    /// </summary>
    public static JsonObject ForEscalation(Escalation e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        var urgency = string.IsNullOrWhiteSpace(e.Urgency) ? "normal" : e.Urgency;
        var status = EscalationService.Describe(e.Status);

        var header = new JsonArray
        {
            Heading($"Escalation #{e.Id}: {e.Category}"),
            TextBlock($"**{urgency.ToUpperInvariant()}** · {Capitalize(status)}", color: UrgencyColor(urgency), spacing: "small"),
        };
        var body = new JsonArray { Container(header, UrgencyStyle(urgency) ?? "emphasis", bleed: true) };

        var facts = new JsonArray
        {
            Fact("Route", e.Route + (e.OffHours ? " (off-hours)" : "")),
            Fact("Assignee", e.Assignee ?? "nobody"),
        };
        if (!string.IsNullOrWhiteSpace(e.Customer))
        {
            facts.Add(Fact("Customer", e.Customer));
        }

        var agent = e.Conversation.AgentName ?? e.Conversation.AgentId;
        if (!string.IsNullOrWhiteSpace(agent))
        {
            facts.Add(Fact("Agent", agent));
        }

        if (!string.IsNullOrWhiteSpace(e.Decision))
        {
            facts.Add(Fact("Decision", e.Decision));
        }

        facts.Add(Fact("Created", Timestamp(e.CreatedAt)));
        facts.Add(Fact("Age", Age(now - e.CreatedAt)));
        body.Add(FactSet(facts));

        if (!string.IsNullOrWhiteSpace(e.Reason))
        {
            body.Add(Label("Why it was escalated"));
            body.Add(TextBlock(e.Reason, spacing: "small"));
        }

        body.Add(Label("What happened"));
        body.Add(TextBlock(string.IsNullOrWhiteSpace(e.Summary) ? "(no summary)" : e.Summary, spacing: "small"));
        if (e.Tried.Count > 0)
        {
            body.Add(Label("Already tried"));
            body.Add(TextBlock(BulletList(e.Tried), spacing: "small"));
        }

        if (e.Asks.Count > 0)
        {
            body.Add(Label("Asked of the lead"));
            body.Add(TextBlock(BulletList(e.Asks), spacing: "small"));
        }

        if (!string.IsNullOrWhiteSpace(e.PendingQuestion))
        {
            body.Add(Container([TextBlock($"**Waiting for the agent:** {e.PendingQuestion}")], "warning"));
        }

        if (!string.IsNullOrWhiteSpace(e.Note))
        {
            body.Add(Label("Ticket note"));
            body.Add(NoteBlock(e.Note));
        }

        if (e.Audit.Count > 0)
        {
            var latest = e.Audit[^1];
            body.Add(Label("Latest"));
            body.Add(TextBlock($"{AuditLine(latest)} ({Timestamp(latest.At)})", spacing: "small"));
            if (e.Audit.Count > 1)
            {
                var history = new JsonArray();
                foreach (var entry in e.Audit.TakeLast(HistoryEntries))
                {
                    history.Add(Fact(Timestamp(entry.At), AuditLine(entry)));
                }

                body.Add(FactSet(history, spacing: "small"));
            }
        }

        var allowed = EscalationTransitions.Allowed(e.Status).Distinct().Order().ToList();
        var card = Card(body, fallbackText: $"Escalation #{e.Id}: {e.Category} ({urgency}, {status})", fullWidth: true);
        if (allowed.Count == 0)
        {
            return card;
        }

        if (allowed.Contains(LeadAction.NeedMoreInfo) || allowed.Contains(LeadAction.ReturnToAgent))
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.Text",
                ["id"] = TextInputId,
                ["label"] = "Question or reason for the agent (needed to ask or return; a comment otherwise)",
                ["placeholder"] = "e.g. Which firmware version is the camera on?",
                ["isMultiline"] = true,
                ["maxLength"] = 1000,
                ["separator"] = true,
            });
        }

        card["actions"] = new JsonArray([.. allowed.Select(a => (JsonNode)ExecuteAction(e.Id, a))]);
        return card;
    }

    /// <summary>The attachment that carries a card in a message.</summary>
    public static Attachment ToAttachment(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Attachment { ContentType = ContentType, Content = card };
    }

    /// <summary>The <c>adaptiveCard/action</c> invoke response body that swaps the clicked card for <paramref name="card"/>.</summary>
    public static JsonObject InvokeResponse(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = ContentType,
            ["value"] = card.Parent is null ? card : card.DeepClone(),
        };
    }

    /// <summary>The <c>adaptiveCard/action</c> invoke response body that shows a message and leaves the card as it is.</summary>
    public static JsonObject InvokeMessage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = MessageResponseType,
            ["value"] = text,
        };
    }

    /// <summary>The <c>adaptiveCard/action</c> invoke error body; <paramref name="status"/> is a 4xx or 5xx code.</summary>
    public static JsonObject InvokeError(int status, string code, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["statusCode"] = status,
            ["type"] = ErrorResponseType,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        };
    }

    /// <summary>What a button says for each lead action.</summary>
    public static string Title(LeadAction action) => action switch
    {
        LeadAction.Acknowledge => "Acknowledge",
        LeadAction.TakeOver => "Take over",
        LeadAction.Approve => "Approve",
        LeadAction.Decline => "Decline",
        LeadAction.NeedMoreInfo => "Ask the agent",
        LeadAction.Resolve => "Resolve",
        LeadAction.ReturnToAgent => "Return to agent",
        _ => action.ToString(),
    };

    private static JsonObject ExecuteAction(long escalationId, LeadAction action)
    {
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["id"] = $"escalation-{escalationId}-{action}",
            ["title"] = Title(action),
            ["verb"] = action.ToString(),
            ["data"] = ActionData(escalationId, action),
        };
        var submit = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = Title(action),
            ["data"] = ActionData(escalationId, action),
        };
        if (ActionStyle(action) is { } style)
        {
            execute["style"] = style;
            submit["style"] = style;
        }

        execute["fallback"] = submit;
        return execute;
    }

    private static JsonObject ActionData(long escalationId, LeadAction action) => new()
    {
        ["escalationId"] = escalationId,
        ["action"] = action.ToString(),
    };

    private static string? ActionStyle(LeadAction action) => action switch
    {
        LeadAction.Approve or LeadAction.Resolve => "positive",
        LeadAction.Decline => "destructive",
        _ => null,
    };

    private static JsonObject ChoiceAction(CardAction choice)
    {
        var title = string.IsNullOrWhiteSpace(choice.Title) ? choice.Value ?? "" : choice.Title;
        var value = choice.Value ?? choice.Title;
        if (string.Equals(choice.Type, "openUrl", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(value, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.AbsoluteUri };
        }

        return new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = new JsonObject
            {
                ["msteams"] = new JsonObject
                {
                    ["type"] = "messageBack",
                    ["text"] = value,
                    ["displayText"] = title,
                },
                ["text"] = value,
            },
        };
    }

    private static JsonObject Card(JsonArray body, string? fallbackText, bool fullWidth = false)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["body"] = body,
        };
        if (!string.IsNullOrWhiteSpace(fallbackText))
        {
            card["fallbackText"] = fallbackText;
        }

        if (fullWidth)
        {
            // A Teams extension outside the card schema: use the whole message width.
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        return card;
    }

    private static string? FallbackText(Activity reply)
    {
        var text = reply.Text?.Replace("**", "", StringComparison.Ordinal).Trim();
        var choices = reply.SuggestedActions?.Actions ?? [];
        if (choices.Count == 0)
        {
            return text;
        }

        var options = string.Join(", ", choices.Select(c => string.IsNullOrWhiteSpace(c.Title) ? c.Value : c.Title));
        return string.IsNullOrEmpty(text) ? "Options: " + options : text + "\n\nOptions: " + options;
    }

    private static JsonObject TextBlock(string text, string? color = null, bool subtle = false, string? spacing = null, string? weight = null, string? size = null)
    {
        var block = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = text,
            ["wrap"] = true,
        };
        if (color is not null)
        {
            block["color"] = color;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

    private static JsonObject Heading(string text)
    {
        var block = TextBlock(string.IsNullOrWhiteSpace(text) ? "(untitled)" : text, weight: "bolder", size: "medium");
        block["style"] = "heading";
        return block;
    }

    private static JsonObject Label(string text) => TextBlock(text, weight: "bolder", spacing: "medium");

    private static JsonObject NumberedLine(int number, string text) => new()
    {
        ["type"] = "ColumnSet",
        ["spacing"] = "small",
        ["columns"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "auto",
                ["items"] = new JsonArray { TextBlock(number.ToString(CultureInfo.InvariantCulture) + ".", weight: "bolder") },
            },
            new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "stretch",
                ["items"] = new JsonArray { TextBlock(text) },
            },
        },
    };

    /// <summary>A note in a monospace block, one TextBlock per line so line breaks survive and it copies as it reads.</summary>
    private static JsonObject NoteBlock(string note)
    {
        var lines = new JsonArray();
        foreach (var line in note.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var block = TextBlock(line.Length == 0 ? " " : line, spacing: "none");
            block["fontType"] = "monospace";
            lines.Add(block);
        }

        return Container(lines, "emphasis");
    }

    private static JsonObject Container(JsonArray items, string? style, bool bleed = false)
    {
        var container = new JsonObject
        {
            ["type"] = "Container",
            ["items"] = items,
        };
        if (style is not null)
        {
            container["style"] = style;
        }

        if (bleed)
        {
            container["bleed"] = true;
        }

        return container;
    }

    private static JsonObject FactSet(JsonArray facts, bool separator = false, string? spacing = null)
    {
        var set = new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = facts,
        };
        if (separator)
        {
            set["separator"] = true;
        }

        if (spacing is not null)
        {
            set["spacing"] = spacing;
        }

        return set;
    }

    private static JsonObject Fact(string title, string value) => new()
    {
        ["title"] = title,
        ["value"] = string.IsNullOrEmpty(value) ? "-" : value,
    };

    private static string? UrgencyColor(string urgency) => urgency.ToLowerInvariant() switch
    {
        "urgent" => "attention",
        "high" => "warning",
        _ => null,
    };

    private static string? UrgencyStyle(string urgency) => urgency.ToLowerInvariant() switch
    {
        "urgent" => "attention",
        "high" => "warning",
        _ => null,
    };

    private static string BulletList(IEnumerable<string> items) =>
        string.Join("\n", items.Select(i => "- " + i.Replace('\n', ' ').Replace('\r', ' ')));

    private static string AuditLine(AuditEntry entry) =>
        $"{entry.Who} {entry.Action}{(string.IsNullOrWhiteSpace(entry.Detail) ? "" : ": " + entry.Detail)}";

    private static string Join(string separator, params string[] parts) =>
        string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    internal static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>How old something is, in the two largest units: "just now", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    internal static string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (age < TimeSpan.FromHours(1))
        {
            return $"{(int)age.TotalMinutes} min";
        }

        if (age < TimeSpan.FromDays(1))
        {
            return age.Minutes == 0 ? $"{(int)age.TotalHours} h" : $"{(int)age.TotalHours} h {age.Minutes} min";
        }

        return age.Hours == 0 ? $"{(int)age.TotalDays} d" : $"{(int)age.TotalDays} d {age.Hours} h";
    }
}
