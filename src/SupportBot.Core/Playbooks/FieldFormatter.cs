using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Playbooks;

/// <summary>Turns collected answers into the words shown in notes and summaries, and fills templates.</summary>
public static partial class FieldFormatter
{
    public const string NotCollected = "(not collected)";

    public static string? Display(StepDefinition? step, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value is JsonObject obj && obj["kind"]?.GetValue<string>() is { } kind)
        {
            var count = obj["count"] is JsonValue c && c.TryGetValue<double>(out var n) ? (int)n : 0;
            return kind == AttachmentAnswer.Attached
                ? count == 1 ? "1 attachment" : $"{count} attachments"
                : "requested from the customer";
        }

        if (value is JsonValue scalar)
        {
            if (scalar.TryGetValue<bool>(out var b))
            {
                return b ? "yes" : "no";
            }

            if (scalar.TryGetValue<decimal>(out var d))
            {
                return d.ToString(CultureInfo.InvariantCulture);
            }

            if (scalar.TryGetValue<string>(out var s))
            {
                return step?.Choices.FirstOrDefault(ch => ch.Value == s)?.Label ?? s;
            }
        }

        return value.ToJsonString();
    }

    /// <summary>The raw value as compared by branch conditions: true/false, invariant numbers, or the text.</summary>
    public static string? Raw(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["kind"] is not null => o["kind"]!.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    /// <summary>Looks up a template field: a collected answer's display text, or a built-in (agent, playbook, playbook_title).</summary>
    public static Func<string, string?> LookupFor(PlaybookDefinition playbook, JsonObject values, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(values);
        return field => field switch
        {
            "agent" => agentName,
            "playbook" => playbook.Id,
            "playbook_title" => playbook.Title,
            _ => Display(playbook.Steps.FirstOrDefault(s => s.Field == field), values[field]),
        };
    }

    /// <summary>Replaces {{field}} and {{field|fallback}} with collected values.</summary>
    public static string Fill(string template, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(lookup);
        return Placeholder().Replace(template, m =>
        {
            var value = lookup(m.Groups["field"].Value);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            return m.Groups["fallback"].Success ? m.Groups["fallback"].Value.Trim() : NotCollected;
        });
    }

    [GeneratedRegex(@"\{\{\s*(?<field>[a-z][a-z0-9_]*)\s*(?:\|(?<fallback>[^}]*))?\}\}")]
    private static partial Regex Placeholder();
}
