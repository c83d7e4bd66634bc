using System.Text.Json.Nodes;

namespace SupportBot.Tests.Channels.Teams.Cards;

/// <summary>Finds the parts of a card that tests look at.</summary>
internal static class CardQuery
{
    /// <summary>Every element in the body, depth first (containers, columns and their items included).</summary>
    public static IEnumerable<JsonObject> Elements(JsonObject card) => Walk(card["body"] as JsonArray);

    /// <summary>The clickable actions: the card's action bar and every ActionSet in the body (not fallbacks).</summary>
    public static List<JsonObject> Actions(JsonObject card)
    {
        var actions = new List<JsonObject>();
        actions.AddRange(Elements(card).Where(e => Type(e) == "ActionSet").SelectMany(e => e["actions"]!.AsArray().Select(a => a!.AsObject())));
        if (card["actions"] is JsonArray bar)
        {
            actions.AddRange(bar.Select(a => a!.AsObject()));
        }

        return actions;
    }

    public static List<JsonObject> TextBlocks(JsonObject card) => Elements(card).Where(e => Type(e) == "TextBlock").ToList();

    public static List<string> Texts(JsonObject card) => TextBlocks(card).Select(t => t["text"]!.GetValue<string>()).ToList();

    public static List<(string Title, string Value)> Facts(JsonObject card) =>
        Elements(card).Where(e => Type(e) == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray().Select(x => (x!["title"]!.GetValue<string>(), x["value"]!.GetValue<string>())))
            .ToList();

    public static string? Type(JsonNode? node) => node?["type"]?.GetValue<string>();

    private static IEnumerable<JsonObject> Walk(JsonArray? items)
    {
        foreach (var item in items ?? [])
        {
            if (item is not JsonObject element)
            {
                continue;
            }

            yield return element;
            var children = Type(element) switch
            {
                "Container" or "Column" => Walk(element["items"] as JsonArray),
                "ColumnSet" => Walk(element["columns"] as JsonArray),
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
            }
        }
    }
}
