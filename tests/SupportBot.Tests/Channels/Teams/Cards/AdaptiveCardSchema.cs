using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace SupportBot.Tests.Channels.Teams.Cards;

/// <summary>
/// Validates generated cards against the unmodified Adaptive Card 1.5 JSON Schema (draft-06) kept in
/// <c>shared/specs/teams-schemas/</c> beside the repository. The schema's root <c>AdaptiveCard</c> has
/// <c>additionalProperties:false</c>, so the one card-level Teams extension, <c>msteams</c>, is checked
/// here against what Teams documents and then set aside before validation.
/// </summary>
internal static class AdaptiveCardSchema
{
    private const int MaxErrorLines = 200;

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>Card-level keys of the Teams <c>msteams</c> extension that SupportBot may use.</summary>
    private static readonly HashSet<string> AllowedTeamsKeys = ["width"];

    /// <summary><c>&lt;repository root&gt;/../shared/specs/teams-schemas/adaptive-card-1.5.json</c>; the root is the folder holding SupportBot.sln.</summary>
    public static string SchemaPath { get; } = Path.GetFullPath(
        Path.Combine(RepositoryRoot(), "..", "shared", "specs", "teams-schemas", "adaptive-card-1.5.json"));

    /// <summary>The schema's validation errors for <paramref name="card"/>, one readable line each (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = new List<string>();
        var copy = (JsonObject)card.DeepClone();
        if (copy["msteams"] is { } teams)
        {
            if (teams is not JsonObject extension)
            {
                problems.Add("#/msteams: must be an object");
            }
            else
            {
                problems.AddRange(extension.Where(p => !AllowedTeamsKeys.Contains(p.Key)).Select(p => $"#/msteams/{p.Key}: not an allowed Teams card extension"));
                if (extension["width"] is { } width && width.ToString() != "Full")
                {
                    problems.Add("#/msteams/width: Teams only knows \"Full\"");
                }
            }

            copy.Remove("msteams");
        }

        Validate(copy, "", problems);

        // The schema lets any object through as a "fallback" (FallbackOption's pattern branch has no
        // type, so it accepts non-strings), so each fallback is validated again on its own, in a card.
        foreach (var (path, fallback) in Fallbacks(copy, "#"))
        {
            var key = fallback["type"]?.ToString()?.StartsWith("Action.", StringComparison.Ordinal) == true ? "actions" : "body";
            var wrapper = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                [key] = new JsonArray(fallback.DeepClone()),
            };
            Validate(wrapper, path + " (fallback, validated alone as " + key + "[0]) ", problems);
        }

        return problems;
    }

    private static void Validate(JsonObject card, string prefix, List<string> problems)
    {
        foreach (var error in Schema.Value.Validate(card.ToJsonString()))
        {
            Describe(error, prefix, problems);
        }
    }

    private static IEnumerable<(string Path, JsonObject Fallback)> Fallbacks(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key == "fallback" && child is JsonObject fallback)
                    {
                        yield return (path + "/fallback", fallback);
                    }

                    foreach (var found in Fallbacks(child, path + "/" + key))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in Fallbacks(array[i], path + "/" + i))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>Fails the test with every schema error listed, and the card, when the card is not valid.</summary>
    public static void AssertValid(JsonObject card)
    {
        var errors = Errors(card);
        Assert.True(errors.Count == 0,
            $"The card does not validate against {SchemaPath}:\n{string.Join("\n", errors.Take(MaxErrorLines))}{(errors.Count > MaxErrorLines ? "\n..." : "")}\n\nCard:\n{card.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (the folder holding SupportBot.sln) above " + AppContext.BaseDirectory);
    }

    private static JsonSchema Load()
    {
        if (!File.Exists(SchemaPath))
        {
            throw new FileNotFoundException(
                $"The Adaptive Card 1.5 schema was not found at {SchemaPath}. The card tests need the shared specs folder " +
                "(shared/specs/teams-schemas/adaptive-card-1.5.json) beside the repository root (the folder holding SupportBot.sln).",
                SchemaPath);
        }

        return JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath), SchemaPath).GetAwaiter().GetResult();
    }

    private static void Describe(ValidationError error, string indent, List<string> into)
    {
        into.Add($"{indent}{error.Path ?? "#"}: {error.Kind}{(error.Property is null ? "" : " (" + error.Property + ")")} at line {error.LineNumber}, position {error.LinePosition}");
        if (error is ChildSchemaValidationError child)
        {
            // anyOf failures carry each alternative's errors; list them indented so the real cause is visible.
            var index = 0;
            foreach (var (_, errors) in child.Errors)
            {
                var sub = new StringBuilder().Append(indent).Append("  alternative ").Append(index++).Append(':').ToString();
                into.Add(sub);
                foreach (var inner in errors)
                {
                    Describe(inner, indent + "    ", into);
                }
            }
        }
    }
}
