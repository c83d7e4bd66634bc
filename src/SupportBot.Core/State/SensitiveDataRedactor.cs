using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportBot.Activities;

namespace SupportBot.State;

/// <summary>
/// Removes payment card numbers (keeping the last four digits), social security numbers and obvious
/// secrets from text before it is stored or logged. Card candidates must pass the Luhn check so most
/// order numbers survive.
/// </summary>
public sealed partial class SensitiveDataRedactor
{
    private const int MinCardDigits = 13;
    private const int MaxCardDigits = 19;

    // Who, where and when an activity is: never free text, and ids must survive (a 13-digit Teams
    // message id can pass the Luhn check). Everything else (text, value, attachments, buttons,
    // entities, unknown extension properties) is content and is redacted.
    private static readonly HashSet<string> RoutingProperties = new(StringComparer.Ordinal)
    {
        "type", "id", "timestamp", "localTimestamp", "serviceUrl", "channelId", "from", "recipient",
        "conversation", "textFormat", "locale", "inputHint", "attachmentLayout", "channelData",
        "replyToId", "name", "action", "membersAdded", "membersRemoved",
    };

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = DigitRun().Replace(text, m => RedactCards(m.Value));
        result = Secret().Replace(result, m => m.Groups["label"].Value + "[redacted]");
        result = Pin().Replace(result, m => m.Groups["label"].Value + "[redacted]");
        result = SocialSecurityNumber().Replace(result, "[SSN redacted]");
        result = LabelledSocialSecurityNumber().Replace(result, m => m.Groups["label"].Value + "[SSN redacted]");
        result = Token().Replace(result, "[token redacted]");
        return result;
    }

    /// <summary>A redacted copy of a JSON object's string values (collected fields, card payloads).</summary>
    public JsonObject Redact(JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return NeedsRedaction(values) ? (JsonObject)RedactNode(values.DeepClone())! : values;
    }

    /// <summary>
    /// The activity with its content (text, value, attachments, buttons, entities) redacted: a redacted
    /// copy when anything needed it, otherwise the activity itself (the common case, and no copy is made).
    /// </summary>
    public Activity Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!NeedsRedaction(activity))
        {
            return activity;
        }

        var json = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!.AsObject();
        foreach (var (name, value) in json.ToList())
        {
            if (!RoutingProperties.Contains(name))
            {
                json[name] = RedactNode(value);
            }
        }

        return json.Deserialize<Activity>(ActivityJson.Options)!;
    }

    /// <summary>
    /// Redacts the activity's content where it is, so that nothing handling it afterwards (dialog state,
    /// ticket notes, escalations, logs) ever holds the full value. Returns whether anything changed.
    /// </summary>
    public bool RedactInPlace(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var redacted = Redact(activity);
        if (ReferenceEquals(redacted, activity))
        {
            return false;
        }

        activity.Text = redacted.Text;
        activity.Value = redacted.Value;
        activity.Attachments = redacted.Attachments;
        activity.SuggestedActions = redacted.SuggestedActions;
        activity.Entities = redacted.Entities;
        activity.Properties = redacted.Properties;
        return true;
    }

    // Cheap screen: only text with a long digit run, an SSN or a secret label is worth the full pass.
    private static bool NeedsRedaction(string? text) => text is not null
        && (LongDigitRun().IsMatch(text) || Secret().IsMatch(text) || Pin().IsMatch(text) || SocialSecurityNumber().IsMatch(text)
            || LabelledSocialSecurityNumber().IsMatch(text) || Token().IsMatch(text));

    private static bool NeedsRedaction(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => NeedsRedaction(p.Value)),
        JsonArray array => array.Any(NeedsRedaction),
        JsonValue value when value.TryGetValue<string>(out var s) => NeedsRedaction(s),
        _ => false,
    };

    private static bool NeedsRedaction(Activity activity) =>
        NeedsRedaction(activity.Text)
        || NeedsRedaction(activity.Value)
        || (activity.Attachments?.Any(a => NeedsRedaction(a.Name) || NeedsRedaction(a.Content) || NeedsRedaction(a.ContentUrl) || NeedsRedaction(a.ThumbnailUrl)) ?? false)
        || (activity.SuggestedActions?.Actions.Any(a => NeedsRedaction(a.Title) || NeedsRedaction(a.Value)) ?? false)
        || (activity.Entities?.Any(NeedsRedaction) ?? false)
        || (activity.Properties?.Values.Any(p => NeedsRedaction(p.GetRawText())) ?? false);

    /// <summary>Redacts the string values under <paramref name="node"/> where they are; returns the node, or the replacement of a string value.</summary>
    private JsonNode? RedactNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (RedactNode(child) is var redacted && !ReferenceEquals(redacted, child))
                    {
                        obj[name] = redacted;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (RedactNode(array[i]) is var redacted && !ReferenceEquals(redacted, array[i]))
                    {
                        array[i] = redacted;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var s):
                var result = Redact(s);
                return result == s ? value : JsonValue.Create(result);
            default:
                return node;
        }
    }

    /// <summary>
    /// Finds card numbers in a run of digit groups separated by single spaces or dashes. A card is a
    /// sequence of whole groups with 13 to 19 digits that passes the Luhn check, so a card followed by
    /// its expiry or security code ("4111 1111 1111 1111 12 29") is still found, while a card-like
    /// stretch inside a longer unbroken digit run is not.
    /// </summary>
    private static string RedactCards(string run)
    {
        var groups = GroupsOf(run);
        if (groups.Sum(g => g.Length) < MinCardDigits)
        {
            return run;
        }

        var result = new System.Text.StringBuilder(run.Length);
        var copied = 0;
        var start = 0;
        while (start < groups.Count)
        {
            var end = LongestCardFrom(run, groups, start);
            if (end < 0)
            {
                start++;
                continue;
            }

            var from = groups[start].Index;
            var to = groups[end].Index + groups[end].Length;
            var digits = Digits(run, groups, start, end);
            result.Append(run, copied, from - copied).Append("[card ending ").Append(digits[^4..]).Append(']');
            copied = to;
            start = end + 1;
        }

        return copied == 0 ? run : result.Append(run, copied, run.Length - copied).ToString();
    }

    /// <summary>The last group of the longest card starting at group <paramref name="start"/>, or -1.</summary>
    private static int LongestCardFrom(string run, List<(int Index, int Length)> groups, int start)
    {
        var found = -1;
        var count = 0;
        for (var end = start; end < groups.Count; end++)
        {
            count += groups[end].Length;
            if (count > MaxCardDigits)
            {
                break;
            }

            if (count >= MinCardDigits && PassesLuhn(Digits(run, groups, start, end)))
            {
                found = end;
            }
        }

        return found;
    }

    private static List<(int Index, int Length)> GroupsOf(string run)
    {
        var groups = new List<(int, int)>();
        var i = 0;
        while (i < run.Length)
        {
            var begin = i;
            while (i < run.Length && char.IsAsciiDigit(run[i]))
            {
                i++;
            }

            groups.Add((begin, i - begin));
            i++; // the separator
        }

        return groups;
    }

    private static string Digits(string run, List<(int Index, int Length)> groups, int start, int end)
    {
        var digits = new System.Text.StringBuilder(MaxCardDigits);
        for (var g = start; g <= end; g++)
        {
            digits.Append(run, groups[g].Index, groups[g].Length);
        }

        return digits.ToString();
    }

    internal static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    // Digit groups joined by single spaces or dashes (in any mix), taken whole.
    [GeneratedRegex(@"(?<!\d)\d+(?:[ -]\d+)*")]
    private static partial Regex DigitRun();

    // At least 13 digits, possibly grouped: the only runs that can hold a card number.
    [GeneratedRegex(@"\d(?:[ -]?\d){12}")]
    private static partial Regex LongDigitRun();

    // US social security numbers as written (123-45-6789 or with spaces); area numbers 000, 666 and 9xx are never issued.
    [GeneratedRegex(@"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")]
    private static partial Regex SocialSecurityNumber();

    // Nine digits in a row are only taken for an SSN when the text says so.
    [GeneratedRegex(@"(?<label>\b(?:ssn|social security(?: number| no\.?)?)\s*(?:is|:|#|=)?\s*)\d{9}\b", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledSocialSecurityNumber();

    // Credentials that announce themselves: bearer tokens, JWTs, Slack tokens, common API key prefixes.
    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-._~+/]{16,}=*|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*|\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{8,}|\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|\bgh[pousr]_[A-Za-z0-9]{20,}")]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<label>\b(?:password|passcode|pwd|token|secret|api[_ -]?key)\s*(?:is|:|=)\s*)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();

    // Only digits count as a PIN, so "the charging pin is bent" is left alone.
    [GeneratedRegex(@"(?<label>\bpin(?:\s*(?:code|number|no\.?))?\s*(?:is|:|=|#)?\s*)\d{4,8}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pin();
}
