using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupportBot.Activities;

namespace SupportBot.State;

/// <summary>
/// Removes payment card numbers (keeping the last four digits) and obvious secrets from text before it
/// is stored or logged. Card candidates must pass the Luhn check so order numbers survive.
/// </summary>
public sealed partial class SensitiveDataRedactor
{
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = CardCandidate().Replace(text, m =>
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            return digits.Length is >= 13 and <= 19 && PassesLuhn(digits)
                ? "[card ending " + digits[^4..] + "]"
                : m.Value;
        });
        result = Secret().Replace(result, m => m.Groups["label"].Value + "[redacted]");
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
    /// The activity with its text, and the string values of its payload, redacted: a redacted copy when
    /// anything needed it, otherwise the activity itself (the common case, and no copy is made).
    /// </summary>
    public Activity Redact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!NeedsRedaction(activity.Text) && !NeedsRedaction(activity.Value))
        {
            return activity;
        }

        var json = ActivityJson.Serialize(activity);
        var copy = ActivityJson.Deserialize(json);
        if (copy.Text is not null)
        {
            copy.Text = Redact(copy.Text);
        }

        copy.Value = RedactNode(copy.Value);
        return copy;
    }

    // Cheap screen: only text with a long digit run or a secret label is worth the full redaction pass.
    private static bool NeedsRedaction(string? text) => text is not null
        && (CardCandidate().IsMatch(text) || Secret().IsMatch(text) || SocialSecurityNumber().IsMatch(text)
            || LabelledSocialSecurityNumber().IsMatch(text) || Token().IsMatch(text));

    private static bool NeedsRedaction(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => NeedsRedaction(p.Value)),
        JsonArray array => array.Any(NeedsRedaction),
        JsonValue value when value.TryGetValue<string>(out var s) => NeedsRedaction(s),
        _ => false,
    };

    private JsonNode? RedactNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    obj[name] = RedactNode(child);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = RedactNode(array[i]);
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var s):
                return JsonValue.Create(Redact(s));
            default:
                return node;
        }
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

    // 13-19 digits, optionally grouped by single spaces or dashes.
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")]
    private static partial Regex CardCandidate();

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
}
