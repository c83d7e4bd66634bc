using System.Text.Json.Nodes;
using NJsonSchema;

namespace SupportBot.Tests.Channels.Slack;

/// <summary>
/// The Slack JSON Schemas kept beside the repository in <c>&lt;repository root&gt;/../shared/specs/slack-schemas/</c>
/// (the root is the folder holding SupportBot.sln): the official app manifest schema (draft-07) and a Block Kit
/// schema for one block generated from <c>@slack/types</c>. The Block Kit schema checks types, required fields and
/// unknown properties but no lengths or counts, so <see cref="LimitProblems"/> checks those by hand.
/// </summary>
internal static class SlackSchemas
{
    private static readonly Lazy<JsonSchema> ManifestSchema = new(() => Load("app-manifest.v1.schema.json"));
    private static readonly Lazy<JsonSchema> BlockSchema = new(() => Load("blockkit-knownblock.schema.json"));

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "specs", "slack-schemas"));

    public static IReadOnlyList<string> ManifestErrors(string json) =>
        ManifestSchema.Value.Validate(json).Select(e => $"{e.Path}: {e.Kind}").ToList();

    public static IReadOnlyList<string> BlockErrors(JsonNode block) =>
        BlockSchema.Value.Validate(block.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}").ToList();

    /// <summary>Slack's documented limits for message blocks (docs.slack.dev, Block Kit reference); empty when all hold.</summary>
    public static List<string> LimitProblems(JsonArray blocks)
    {
        var problems = new List<string>();
        if (blocks.Count > 50)
        {
            problems.Add($"{blocks.Count} blocks (max 50)");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i]!.AsObject();
            var type = block["type"]!.GetValue<string>();
            if (block["block_id"] is { } blockId && blockId.GetValue<string>().Length > 255)
            {
                problems.Add($"#{i} block_id longer than 255");
            }

            switch (type)
            {
                case "header":
                    CheckText(block["text"], 150, $"#{i} header", problems);
                    break;
                case "section":
                    if (block["text"] is { } text)
                    {
                        CheckText(text, 3000, $"#{i} section text", problems);
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count > 10)
                        {
                            problems.Add($"#{i} has {fields.Count} fields (max 10)");
                        }

                        foreach (var field in fields)
                        {
                            CheckText(field, 2000, $"#{i} field", problems);
                        }
                    }

                    break;
                case "context":
                    var elements = block["elements"]!.AsArray();
                    if (elements.Count > 10)
                    {
                        problems.Add($"#{i} context has {elements.Count} elements (max 10)");
                    }

                    foreach (var element in elements)
                    {
                        CheckText(element, 3000, $"#{i} context element", problems);
                    }

                    break;
                case "actions":
                    var buttons = block["elements"]!.AsArray();
                    if (buttons.Count > 25)
                    {
                        problems.Add($"#{i} actions has {buttons.Count} elements (max 25)");
                    }

                    foreach (var button in buttons)
                    {
                        CheckText(button!["text"], 75, $"#{i} button text", problems);
                        if (button["value"]?.GetValue<string>().Length > 2000)
                        {
                            problems.Add($"#{i} button value longer than 2000");
                        }

                        if (button["action_id"]?.GetValue<string>().Length > 255)
                        {
                            problems.Add($"#{i} action_id longer than 255");
                        }
                    }

                    break;
            }
        }

        return problems;
    }

    private static void CheckText(JsonNode? text, int max, string where, List<string> problems)
    {
        var value = text?["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{where} is empty");
        }
        else if (value.Length > max)
        {
            problems.Add($"{where} has {value.Length} characters (max {max})");
        }
    }

    private static void ConstToEnum(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["const"] is JsonValue value && o["enum"] is null)
                {
                    o.Remove("const");
                    o["enum"] = new JsonArray(value.DeepClone());
                }

                foreach (var child in o.Select(p => p.Value).Where(v => v is not null).ToList())
                {
                    ConstToEnum(child!);
                }

                break;
            case JsonArray a:
                foreach (var child in a.Where(v => v is not null).ToList())
                {
                    ConstToEnum(child!);
                }

                break;
        }
    }

    private static JsonSchema Load(string file)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Slack schema {file} was not found at {path}. It is kept outside the repository in shared/specs/slack-schemas/ " +
                "(see shared/specs/slack.md §9); put it there to run these tests.", path);
        }

        // NJsonSchema 11 does not check draft-06 "const", so a block or element whose "type" names one definition could
        // pass as another in the schemas' anyOf unions. "const": x means exactly "enum": [x], which it does check.
        var schema = JsonNode.Parse(File.ReadAllText(path))!;
        ConstToEnum(schema);
        return JsonSchema.FromJsonAsync(schema.ToJsonString(), path).GetAwaiter().GetResult();
    }
}
