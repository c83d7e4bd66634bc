using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Transcripts.Files;

namespace SupportBot.Transcripts;

/// <summary>
/// Stores a transcript read from a file as a new case of its own: in a conversation of its own
/// (<c>import/&lt;guid&gt;</c>, so it never mixes with live conversations), marked imported, its entries in
/// the file's order with their snapshots, redacted like anything recorded live, in one atomic write.
/// </summary>
public sealed class TranscriptImporter(ITranscriptStore store, SensitiveDataRedactor redactor)
{
    public const string ConversationKeyPrefix = "import/";

    /// <summary>Reads a <c>.transcript</c> file's text and stores it; returns the new case (with its id).</summary>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="TranscriptFileException">The text is not a usable transcript; nothing was stored.</exception>
    public Task<TranscriptCase> ImportAsync(string json, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var content = BotFrameworkTranscript.Read(json, source);
        RequireTypes(json, source);
        return ImportAsync(content, source, cancellationToken);
    }

    /// <exception cref="TranscriptFileException">The content holds no activities; nothing was stored.</exception>
    public async Task<TranscriptCase> ImportAsync(TranscriptFileContent content, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Entries.Count == 0)
        {
            throw new TranscriptFileException($"{source}: the file holds no activities; there is nothing to import.");
        }

        var key = ConversationKeyPrefix + Guid.NewGuid().ToString("N");
        var entries = content.Entries.Select(e => e with
        {
            ConversationKey = key,
            CaseId = 0,
            Activity = redactor.Redact(e.Activity),
            Snapshot = e.Snapshot is { } snapshot ? snapshot with { Fields = redactor.Redact(snapshot.Fields ?? []) } : null,
        }).ToList();
        var imported = content.Case with { Id = 0, ConversationKey = key, Imported = true };
        return await store.AppendTurnAsync(imported, entries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An activity without a <c>type</c> would read as a message (the model's default), so a file missing
    /// it could import someone's event as words the agent never typed; such files are refused instead.
    /// </summary>
    private static void RequireTypes(string json, string source)
    {
        if (JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) is not JsonArray activities)
        {
            return;
        }

        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is JsonObject activity && !activity.Any(p => string.Equals(p.Key, "type", StringComparison.OrdinalIgnoreCase)))
            {
                throw new TranscriptFileException($"{source}: activity {i + 1} has no \"type\".");
            }
        }
    }
}
