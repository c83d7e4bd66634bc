using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SupportBot.Host.Channels.Teams.Manifest;

/// <summary>
/// The Teams app manifest kept as a template in <c>manifest/teams/</c>: filling in the app id, and the
/// checks Teams applies on upload that are cheap to repeat here (ids, lengths, icons, commands). The full
/// JSON schema is checked by the tests, not at run time: the schema file is not shipped with the program.
/// </summary>
internal static partial class TeamsAppManifest
{
    public const string DefaultFolder = "manifest/teams";
    public const string TemplateFileName = "manifest.template.json";
    public const string AppIdPlaceholder = "{{TEAMS_APP_ID}}";

    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;
    public const int MaxDeveloperName = 32;
    public const int MaxShortName = 30;
    public const int MaxFullName = 100;
    public const int MaxShortDescription = 80;
    public const int MaxFullDescription = 4000;
    public const int MaxCommandLists = 3;
    public const int MaxCommandsPerList = 12;

    /// <summary>Teams shows at most this many characters of a bot command's title (the schema allows more).</summary>
    public const int MaxCommandTitle = 32;

    /// <summary>Teams shows at most this many characters of a bot command's description (the schema allows more).</summary>
    public const int MaxCommandDescription = 128;

    private static readonly string[] BotScopes = ["personal", "team", "groupChat", "copilot"];

    /// <summary>
    /// Accepts the form Teams requires (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, any case), not the
    /// all-zero GUID, which no Entra application has.
    /// </summary>
    public static bool TryParseAppId(string? value, out Guid appId) =>
        Guid.TryParseExact(value?.Trim(), "D", out appId) && appId != Guid.Empty;

    /// <summary>Puts the app id (lower case) wherever the template has <see cref="AppIdPlaceholder"/>.</summary>
    public static string Fill(string template, Guid appId) =>
        template.Replace(AppIdPlaceholder, appId.ToString("D", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// Problems Teams would reject the filled manifest for, as "path: problem" lines; empty when none.
    /// <paramref name="readFile"/> returns a file beside the manifest by its relative path, or null.
    /// </summary>
    public static IReadOnlyList<string> Validate(string manifestJson, Func<string, byte[]?> readFile)
    {
        var problems = new List<string>();
        JsonObject manifest;
        try
        {
            if (JsonNode.Parse(manifestJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow }) is not JsonObject root)
            {
                return ["manifest: must be a JSON object"];
            }

            manifest = root;
        }
        catch (JsonException ex)
        {
            return [$"manifest: not valid JSON ({ex.Message})"];
        }

        if (Placeholder().Match(manifestJson) is { Success: true } left)
        {
            problems.Add($"manifest: the placeholder {left.Value} was not replaced");
        }

        RequireText(manifest, "manifestVersion", 1, 16, problems);
        if (RequireText(manifest, "version", 1, 256, problems) is { } version && !SemVer().IsMatch(version))
        {
            problems.Add($"version: '{version}' is not MAJOR.MINOR.PATCH");
        }

        RequireGuid(manifest, "id", problems);

        var developer = RequireObject(manifest, "developer", problems);
        if (developer is not null)
        {
            RequireText(developer, "developer.name", 1, MaxDeveloperName, problems);
            foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            {
                RequireHttpsUrl(developer, "developer." + url, problems);
            }
        }

        if (RequireObject(manifest, "name", problems) is { } name)
        {
            RequireText(name, "name.short", 1, MaxShortName, problems);
            OptionalText(name, "name.full", MaxFullName, problems);
        }

        if (RequireObject(manifest, "description", problems) is { } description)
        {
            RequireText(description, "description.short", 1, MaxShortDescription, problems);
            RequireText(description, "description.full", 1, MaxFullDescription, problems);
        }

        if (RequireText(manifest, "accentColor", 7, 7, problems) is { } accent && !HexColor().IsMatch(accent))
        {
            problems.Add($"accentColor: '{accent}' is not #RRGGBB");
        }

        if (RequireObject(manifest, "icons", problems) is { } icons)
        {
            RequireIcon(icons, "icons.color", ColorIconSize, readFile, problems);
            RequireIcon(icons, "icons.outline", OutlineIconSize, readFile, problems);
        }

        ValidateBots(manifest, problems);
        return problems;
    }

    /// <summary>The icon files the manifest names, as relative paths (colour first), for packaging.</summary>
    public static IReadOnlyList<string> IconPaths(string manifestJson)
    {
        var icons = JsonNode.Parse(manifestJson)?["icons"];
        return [.. new[] { "color", "outline" }.Select(key => icons?[key]?.GetValueKind() == JsonValueKind.String ? icons[key]!.GetValue<string>() : null).OfType<string>()];
    }

    private static void ValidateBots(JsonObject manifest, List<string> problems)
    {
        if (manifest["bots"] is not JsonArray bots || bots.Count == 0)
        {
            problems.Add("bots: SupportBot is a bot app and needs exactly one bot");
            return;
        }

        if (bots.Count > 1)
        {
            problems.Add($"bots: Teams allows one bot per app (found {bots.Count})");
        }

        if (bots[0] is not JsonObject bot)
        {
            problems.Add("bots[0]: must be an object");
            return;
        }

        RequireGuid(bot, "bots[0].botId", problems);
        ValidateScopes(bot["scopes"], "bots[0].scopes", problems);
        if (bot["commandLists"] is null)
        {
            return;
        }

        if (bot["commandLists"] is not JsonArray lists)
        {
            problems.Add("bots[0].commandLists: must be an array");
            return;
        }

        if (lists.Count > MaxCommandLists)
        {
            problems.Add($"bots[0].commandLists: at most {MaxCommandLists} lists (found {lists.Count})");
        }

        for (var i = 0; i < lists.Count; i++)
        {
            var where = $"bots[0].commandLists[{i}]";
            if (lists[i] is not JsonObject list)
            {
                problems.Add($"{where}: must be an object");
                continue;
            }

            ValidateScopes(list["scopes"], where + ".scopes", problems);
            if (list["commands"] is not JsonArray commands || commands.Count == 0)
            {
                problems.Add($"{where}.commands: needs at least one command");
                continue;
            }

            if (commands.Count > MaxCommandsPerList)
            {
                problems.Add($"{where}.commands: at most {MaxCommandsPerList} commands (found {commands.Count})");
            }

            var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var j = 0; j < commands.Count; j++)
            {
                var at = $"{where}.commands[{j}]";
                if (commands[j] is not JsonObject command)
                {
                    problems.Add($"{at}: must be an object");
                    continue;
                }

                if (RequireText(command, at + ".title", 1, MaxCommandTitle, problems) is { } title && !titles.Add(title.Trim()))
                {
                    problems.Add($"{at}.title: '{title}' appears twice in the list");
                }

                OptionalText(command, at + ".description", MaxCommandDescription, problems);
            }
        }
    }

    private static void ValidateScopes(JsonNode? node, string where, List<string> problems)
    {
        if (node is not JsonArray scopes || scopes.Count == 0)
        {
            problems.Add($"{where}: needs at least one of {string.Join(", ", BotScopes)}");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            var value = scope?.GetValueKind() == JsonValueKind.String ? scope.GetValue<string>() : scope?.ToJsonString();
            if (value is null || !BotScopes.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"{where}: '{value}' is not one of {string.Join(", ", BotScopes)}");
            }
            else if (!seen.Add(value))
            {
                problems.Add($"{where}: '{value}' appears twice");
            }
        }
    }

    private static void RequireIcon(JsonObject icons, string path, int size, Func<string, byte[]?> readFile, List<string> problems)
    {
        if (RequireText(icons, path, 1, 2048, problems) is not { } file)
        {
            return;
        }

        if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file is "." or "..")
        {
            problems.Add($"{path}: '{file}' must be a file name: the package holds its files at the root");
            return;
        }

        var bytes = readFile(file);
        if (bytes is null)
        {
            problems.Add($"{path}: the file '{file}' is missing");
        }
        else if (!PngHeader.TryReadSize(bytes, out var width, out var height))
        {
            problems.Add($"{path}: '{file}' is not a PNG file");
        }
        else if (width != size || height != size)
        {
            problems.Add($"{path}: '{file}' is {width}x{height} pixels; Teams requires {size}x{size}");
        }
    }

    private static void RequireGuid(JsonObject parent, string path, List<string> problems)
    {
        if (RequireText(parent, path, 1, 64, problems) is { } value && !TryParseAppId(value, out _))
        {
            problems.Add($"{path}: '{value}' is not a GUID such as 00000000-0000-0000-0000-000000000000 (and not all zeros)");
        }
    }

    private static void RequireHttpsUrl(JsonObject parent, string path, List<string> problems)
    {
        if (RequireText(parent, path, 1, 2048, problems) is { } value
            && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{path}: '{value}' is not an https:// URL");
        }
    }

    private static JsonObject? RequireObject(JsonObject parent, string path, List<string> problems)
    {
        var node = parent[LastSegment(path)];
        if (node is JsonObject value)
        {
            return value;
        }

        problems.Add(node is null ? $"{path}: is required" : $"{path}: must be an object");
        return null;
    }

    /// <summary>The string at <paramref name="path"/>, or null (with a problem added) when missing, not a string, or of the wrong length.</summary>
    private static string? RequireText(JsonObject parent, string path, int min, int max, List<string> problems)
    {
        var node = parent[LastSegment(path)];
        if (node is null)
        {
            problems.Add($"{path}: is required");
            return null;
        }

        return Text(node, path, min, max, problems);
    }

    private static void OptionalText(JsonObject parent, string path, int max, List<string> problems)
    {
        if (parent[LastSegment(path)] is { } node)
        {
            Text(node, path, 0, max, problems);
        }
    }

    private static string? Text(JsonNode node, string path, int min, int max, List<string> problems)
    {
        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{path}: must be a string");
            return null;
        }

        var value = node.GetValue<string>();
        if (value.Trim().Length < min || value.Length > max)
        {
            problems.Add(min == max
                ? $"{path}: must be {max} characters (has {value.Length})"
                : $"{path}: must be {(min > 0 ? $"{min} to {max}" : $"at most {max}")} characters (has {value.Length})");
            return null;
        }

        return value;
    }

    private static string LastSegment(string path) => path[(path.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
