using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Storage;

namespace SupportBot.Transcripts.Files;

/// <summary>A transcript read from a <c>.transcript</c> file: the case it describes and its entries in order.</summary>
public sealed record TranscriptFileContent(TranscriptCase Case, IReadOnlyList<TranscriptEntry> Entries);

/// <summary>
/// The Bot Framework <c>.transcript</c> format: a JSON array of activities, user messages with
/// <c>from.role = "user"</c> and bot replies with <c>"bot"</c>, which the Bot Framework Emulator opens.
/// SupportBot adds one property of its own to each activity, <c>supportbot</c>, holding the case and the
/// dialog snapshot of the turn; other tools ignore it, and files without it still import.
/// </summary>
public static class BotFrameworkTranscript
{
    public const string Extension = ".transcript";
    private const string MetadataProperty = "supportbot";

    private static readonly JsonSerializerOptions Indented = new(ActivityJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        var array = new JsonArray();
        var first = true;
        foreach (var entry in entries)
        {
            var node = JsonSerializer.SerializeToNode(entry.Activity, ActivityJson.Options)!.AsObject();
            node.Remove(MetadataProperty);
            var role = entry.Direction == TranscriptDirection.Inbound ? "user" : "bot";
            if (node["from"] is JsonObject from)
            {
                from["role"] = role;
            }
            else
            {
                node["from"] = new JsonObject { ["id"] = role, ["role"] = role };
            }

            node["timestamp"] ??= JsonValue.Create(entry.Timestamp);
            var metadata = new JsonObject { ["direction"] = entry.Direction.ToString().ToLowerInvariant() };
            if (entry.Snapshot is { } snapshot)
            {
                metadata["snapshot"] = JsonSerializer.SerializeToNode(snapshot, ActivityJson.Options);
            }

            if (first)
            {
                metadata["case"] = JsonSerializer.SerializeToNode(transcriptCase, ActivityJson.Options);
                first = false;
            }

            node[MetadataProperty] = metadata;
            array.Add(node);
        }

        return array.ToJsonString(Indented);
    }

    /// <summary>Reads a <c>.transcript</c> file's text.</summary>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="TranscriptFileException">The text is not a JSON array of activities.</exception>
    public static TranscriptFileContent Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new TranscriptFileException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", e);
        }

        if (root is not JsonArray array)
        {
            throw new TranscriptFileException($"{source}: a .transcript file is a JSON array of activities, but this is a JSON {Kind(root)}.");
        }

        var entries = new List<TranscriptEntry>(array.Count);
        TranscriptCase? recorded = null;
        string? botId = null;
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                throw new TranscriptFileException($"{source}: activity {i + 1} is a JSON {Kind(array[i])}, not an object.");
            }

            var metadata = item[MetadataProperty] as JsonObject;
            var copy = (JsonObject)item.DeepClone();
            copy.Remove(MetadataProperty);
            Activity activity;
            try
            {
                activity = copy.Deserialize<Activity>(ActivityJson.Options)!;
            }
            catch (JsonException e)
            {
                throw new TranscriptFileException($"{source}: activity {i + 1} is not a valid activity: {FirstSentence(e.Message)}", e);
            }

            if (string.IsNullOrWhiteSpace(activity.Type))
            {
                throw new TranscriptFileException($"{source}: activity {i + 1} has no \"type\".");
            }

            if (i == 0 && metadata?["case"] is JsonObject caseNode)
            {
                recorded = caseNode.Deserialize<TranscriptCase>(ActivityJson.Options);
            }

            var direction = DirectionOf(activity, metadata, ref botId);
            var snapshot = metadata?["snapshot"] is JsonObject s ? s.Deserialize<TurnSnapshot>(ActivityJson.Options) : null;
            var timestamp = activity.Timestamp ?? recorded?.StartedAt ?? DateTimeOffset.UnixEpoch;
            entries.Add(new TranscriptEntry("", timestamp, direction, activity, 0, snapshot));
        }

        return new TranscriptFileContent(recorded ?? Summarise(entries), entries);
    }

    /// <summary>Our own metadata first, then <c>from.role</c>, then whichever id is not the bot's.</summary>
    private static TranscriptDirection DirectionOf(Activity activity, JsonObject? metadata, ref string? botId)
    {
        if (metadata?["direction"] is JsonValue d && d.TryGetValue<string>(out var direction)
            && Enum.TryParse<TranscriptDirection>(direction, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        var role = activity.From?.Role;
        if (string.Equals(role, "bot", StringComparison.OrdinalIgnoreCase) || string.Equals(role, "skill", StringComparison.OrdinalIgnoreCase))
        {
            botId ??= activity.From?.Id;
            return TranscriptDirection.Outbound;
        }

        if (string.Equals(role, "user", StringComparison.OrdinalIgnoreCase))
        {
            botId ??= activity.Recipient?.Id;
            return TranscriptDirection.Inbound;
        }

        return botId is not null && activity.From?.Id == botId ? TranscriptDirection.Outbound : TranscriptDirection.Inbound;
    }

    /// <summary>A case summary for a file recorded elsewhere (the Emulator, another bot).</summary>
    private static TranscriptCase Summarise(List<TranscriptEntry> entries)
    {
        var firstInbound = entries.FirstOrDefault(e => e.Direction == TranscriptDirection.Inbound)?.Activity;
        var start = entries.Count > 0 ? entries.Min(e => e.Timestamp) : DateTimeOffset.UnixEpoch;
        var end = entries.Count > 0 ? entries.Max(e => e.Timestamp) : start;
        return new TranscriptCase
        {
            ConversationKey = "",
            ConversationId = firstInbound?.Conversation?.Id,
            ChannelId = firstInbound?.ChannelId,
            AgentId = firstInbound?.From?.Id,
            AgentName = firstInbound?.From?.Name,
            PlaybookId = entries.Select(e => e.Snapshot?.PlaybookId).FirstOrDefault(p => p is not null),
            StartedAt = start,
            LastActivityAt = end,
            Turns = entries.Count(e => e.Direction == TranscriptDirection.Inbound && e.Activity.Type == ActivityTypes.Message),
            Status = CaseStatus.Open,
        };
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind().ToString().ToLowerInvariant(),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>UTF-8 without a byte order mark, as the Emulator writes it.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
