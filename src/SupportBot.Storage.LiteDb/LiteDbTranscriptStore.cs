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
        return new BsonDocument
        {
            [ConversationKeyField] = entry.ConversationKey,
            // BSON dates hold milliseconds in UTC; the activity JSON keeps its own exact timestamps.
            [TimestampField] = entry.Timestamp.UtcDateTime,
            // By name, so reordering the enum cannot change the meaning of stored entries.
            [DirectionField] = entry.Direction.ToString(),
            [ActivityField] = ActivityJson.Serialize(entry.Activity),
        };
    }

    private static TranscriptEntry FromDocument(BsonDocument doc) => new(
        doc[ConversationKeyField].AsString,
        new DateTimeOffset(doc[TimestampField].AsDateTime.ToUniversalTime()),
        Enum.Parse<TranscriptDirection>(doc[DirectionField].AsString),
        ActivityJson.Deserialize(doc[ActivityField].AsString));
}
