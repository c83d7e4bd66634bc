using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Escalations;

namespace SupportBot.Host.Channels.Teams.Cards;

/// <summary>
/// Reads a lead's click on an escalation card, whichever way it arrives: as an <c>invoke</c> named
/// <c>adaptiveCard/action</c> (Action.Execute; verb, escalation id and typed text in <c>value.action</c>),
/// or as a message whose <c>value</c> holds the <c>Action.Submit</c> fallback's data and the inputs.
/// </summary>
public static class LeadCardAction
{
    public const string InvokeName = "adaptiveCard/action";

    /// <returns>True when the activity is a lead action on an escalation card and all parts were read.</returns>
    public static bool TryParse(Activity activity, out long escalationId, out LeadAction action, out string? text)
    {
        ArgumentNullException.ThrowIfNull(activity);
        escalationId = 0;
        action = default;
        text = null;

        JsonObject? data;
        string? verb;
        if (activity.Type == ActivityTypes.Invoke)
        {
            if (!string.Equals(activity.Name, InvokeName, StringComparison.Ordinal)
                || activity.Value is not JsonObject value
                || value["action"] is not JsonObject executed
                || (executed["type"] is { } type && StringOf(type) != "Action.Execute"))
            {
                return false;
            }

            data = executed["data"] as JsonObject;
            verb = StringOf(executed["verb"]) ?? StringOf(data?["action"]);
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            data = activity.Value as JsonObject;
            verb = StringOf(data?["action"]);
        }
        else
        {
            return false;
        }

        if (data is null || !TryReadId(data["escalationId"], out var id) || !TryReadAction(verb, out var parsed))
        {
            return false;
        }

        escalationId = id;
        action = parsed;
        text = StringOf(data[AdaptiveCards.TextInputId]) is { } typed && !string.IsNullOrWhiteSpace(typed) ? typed.Trim() : null;
        return true;
    }

    private static bool TryReadAction(string? verb, out LeadAction action)
    {
        action = default;
        if (string.IsNullOrWhiteSpace(verb))
        {
            return false;
        }

        // By name only: Enum.TryParse would also take "3" or "1,2".
        foreach (var candidate in Enum.GetValues<LeadAction>())
        {
            if (string.Equals(candidate.ToString(), verb.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        return false;
    }

    private static bool TryReadId(JsonNode? node, out long id)
    {
        id = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        var raw = value.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>().Trim().TrimStart('#'),
            _ => null,
        };
        if (raw is null)
        {
            return false;
        }

        // Some clients write whole numbers as 42.0.
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is > 0 and <= long.MaxValue)
        {
            id = (long)number;
        }

        return id > 0;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
