using System.IO.Compression;
using LiteDB;
using SupportBot.Activities;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// <see cref="ITranscriptStore"/> on LiteDB: one small document per activity in the <c>transcript</c>
/// collection, ordered by an auto-increment id. Nothing else is stored per entry: every byte here is
/// paid once per activity.
/// </summary>
public sealed class LiteDbTranscriptStore : ITranscriptStore
{
    internal const string CollectionName = "transcript";

    internal const string ConversationKeyField = "conversationKey";
    private const string TimestampField = "timestamp";
    private const string DirectionField = "direction";
    private const string ActivityField = "activity";
    private const string CompressedActivityField = "activityBr";

    // Below this size compression saves too little to be worth the bytes of BSON binary framing.
    private const int CompressAbove = 256;

    private readonly LiteDbContext _context;
    private readonly ILiteCollection<BsonDocument> _entries;

    public LiteDbTranscriptStore(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _entries = context.Database.GetCollection(CollectionName, BsonAutoId.Int64);
    }

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var docs = entries.Select(ToDocument).ToList();

        // One Insert call is one LiteDB transaction: the turn's entries land together or not at all,
        // with consecutive ids in list order.
        LiteDbErrors.Guard(_context, () => _entries.InsertBulk(docs));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        cancellationToken.ThrowIfCancellationRequested();

        // Sorted explicitly: index order among equal keys is not insertion order.
        var docs = LiteDbErrors.Guard(_context, () => _entries.Find(Query.EQ(ConversationKeyField, conversationKey)).ToList());
        IReadOnlyList<TranscriptEntry> result = docs.OrderBy(d => d["_id"].AsInt64).Select(FromDocument).ToList();
        return Task.FromResult(result);
    }

    public Task DeleteAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        cancellationToken.ThrowIfCancellationRequested();

        // A real delete: LiteDB clears the freed blocks, so the text is gone from the file after the next checkpoint.
        LiteDbErrors.Guard(_context, () => _entries.DeleteMany(Query.EQ(ConversationKeyField, conversationKey)));
        return Task.CompletedTask;
    }

    private static BsonDocument ToDocument(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var doc = new BsonDocument
        {
            [ConversationKeyField] = entry.ConversationKey,
            // BSON dates hold milliseconds in UTC; the activity JSON keeps its own exact timestamps.
            [TimestampField] = entry.Timestamp.UtcDateTime,
            // By name, so reordering the enum cannot change the meaning of stored entries.
            [DirectionField] = entry.Direction.ToString(),
        };
        StoreActivity(doc, ActivityJson.Serialize(entry.Activity));
        return doc;
    }

    /// <summary>
    /// Activities are kept as JSON text; larger ones (prompts with buttons, outcomes with their note)
    /// are Brotli-compressed, which keeps the transcript near a kilobyte or two per turn.
    /// </summary>
    private static void StoreActivity(BsonDocument doc, string json)
    {
        if (json.Length <= CompressAbove)
        {
            doc[ActivityField] = json;
            return;
        }

        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (BrotliEncoder.TryCompress(utf8, buffer, out var written, quality: 5, window: 22) && written < utf8.Length)
        {
            doc[CompressedActivityField] = buffer.AsSpan(0, written).ToArray();
        }
        else
        {
            doc[ActivityField] = json;
        }
    }

    private static string ReadActivity(BsonDocument doc)
    {
        if (!doc.TryGetValue(CompressedActivityField, out var compressed))
        {
            return doc[ActivityField].AsString;
        }

        using var input = new MemoryStream(compressed.AsBinary);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static TranscriptEntry FromDocument(BsonDocument doc) => new(
        doc[ConversationKeyField].AsString,
        new DateTimeOffset(doc[TimestampField].AsDateTime.ToUniversalTime()),
        Enum.Parse<TranscriptDirection>(doc[DirectionField].AsString),
        ActivityJson.Deserialize(ReadActivity(doc)));
}
