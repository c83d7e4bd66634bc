using System.IO.Compression;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;
using SupportBot.Activities;
using SupportBot.Transcripts;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// <see cref="ITranscriptStore"/> on LiteDB: one small document per activity in the <c>transcript</c>
/// collection, ordered by an auto-increment id, and one summary per case in <c>transcriptCases</c>.
/// Nothing else is stored per entry: every byte here is paid once per activity.
/// </summary>
/// <remarks>
/// Writes go through the database's single writer, so a turn's case summary and entries commit together.
/// Reads run on the caller's thread against the last committed state.
/// </remarks>
public sealed class LiteDbTranscriptStore : ITranscriptStore
{
    internal const string CollectionName = "transcript";

    internal const string CasesCollectionName = "transcriptCases";
    internal const string ConversationKeyField = "conversationKey";
    internal const string CaseIdField = "caseId";
    internal const string LastActivityAtField = "lastActivityAt";
    internal const string PlaybookIdField = "playbookId";
    internal const string AgentIdField = "agentId";

    // Indexed by an earlier build, but no query ever used it: dropped so no case pays for it.
    private const string UnusedStartedAtIndex = "startedAt";
    private const string SnapshotField = "snapshot";
    private const string CaseJsonField = "json";
    private const string TimestampField = "timestamp";
    private const string DirectionField = "direction";
    private const string ActivityField = "activity";
    private const string CompressedActivityField = "activityBr";

    // The activity and its snapshot compressed together, split by a character compact JSON never contains raw.
    private const string CompressedTurnField = "turnBr";
    private const char TurnSeparator = '\u001e';

    // Cases removed per write when purging.
    private const int PurgeBatch = 100;

    // Below this size compression saves too little to be worth the bytes of BSON binary framing.
    private const int CompressAbove = 256;

    // The status by name, so reordering the enum cannot change the meaning of stored cases (numbers are still read).
    private static readonly System.Text.Json.JsonSerializerOptions CaseJsonOptions = new(ActivityJson.Options)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
    };

    private readonly LiteDbContext _context;
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _cases;

    public LiteDbTranscriptStore(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _entries = context.Database.GetCollection(CollectionName, BsonAutoId.Int64);
        _cases = context.Database.GetCollection(CasesCollectionName, BsonAutoId.Int64);
    }

    internal static void CreateCollections(LiteDatabase database)
    {
        var entries = database.GetCollection(CollectionName, BsonAutoId.Int64);
        entries.EnsureIndex(ConversationKeyField);
        entries.EnsureIndex(CaseIdField);
        var cases = database.GetCollection(CasesCollectionName, BsonAutoId.Int64);
        cases.EnsureIndex(ConversationKeyField);
        cases.EnsureIndex(LastActivityAtField);
        cases.EnsureIndex(PlaybookIdField);
        cases.EnsureIndex(AgentIdField);
        cases.DropIndex(UnusedStartedAtIndex);
    }

    public Task AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        var docs = entries.Select(e => ToDocument(e)).ToList();

        // Committed by the single writer with whatever else is waiting: the entries land together or
        // not at all, with consecutive ids in list order.
        return _context.Writes.EnqueueAsync(_ => _entries.InsertBulk(docs));
    }

    public async Task<TranscriptCase> AppendTurnAsync(TranscriptCase transcriptCase, IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcriptCase);
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialising and compressing happen here, on the turn's own thread: the single writer only
        // inserts, so it never holds every other turn's write behind this one's CPU work.
        var caseDocument = ToDocument(transcriptCase);
        var entryDocuments = entries.Select(e => ToDocument(e)).ToList();
        var id = await _context.Writes.EnqueueAsync(_ =>
        {
            long caseId;
            if (transcriptCase.Id == 0)
            {
                caseDocument.Remove("_id");
                caseId = _cases.Insert(caseDocument).AsInt64;
            }
            else if (_cases.Update(caseDocument))
            {
                caseId = transcriptCase.Id;
            }
            else
            {
                // Deleted or purged while still open in its conversation: what follows is a new case,
                // not the old one brought back under its id.
                caseDocument.Remove("_id");
                caseId = _cases.Insert(caseDocument).AsInt64;
            }

            foreach (var entry in entryDocuments)
            {
                entry[CaseIdField] = caseId;
            }

            if (entryDocuments.Count > 0)
            {
                _entries.InsertBulk(entryDocuments);
            }

            return caseId;
        }).ConfigureAwait(false);
        return transcriptCase with { Id = id };
    }

    public Task<TranscriptCase?> GetCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var doc = LiteDbErrors.Guard(_context, () => _cases.FindById(caseId));
        return Task.FromResult(doc is null ? null : FromCaseDocument(doc));
    }

    public Task<IReadOnlyList<TranscriptEntry>> GetCaseEntriesAsync(long caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (caseId == 0)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>([]);
        }

        var docs = LiteDbErrors.Guard(_context, () => _entries.Find(Query.EQ(CaseIdField, caseId)).ToList());
        IReadOnlyList<TranscriptEntry> result = docs.OrderBy(d => d["_id"].AsInt64).Select(FromDocument).ToList();
        return Task.FromResult(result);
    }

    public Task<IReadOnlyList<TranscriptCase>> FindCasesAsync(TranscriptQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var limit = query.EffectiveLimit;
        IReadOnlyList<TranscriptCase> result = LiteDbErrors.Guard(_context, () =>
        {
            // The most selective indexed filter narrows the candidates; the rest is checked per case.
            if (query.PlaybookId is not null || query.AgentId is not null)
            {
                var candidates = query.PlaybookId is not null
                    ? _cases.Find(Query.EQ(PlaybookIdField, query.PlaybookId.ToLowerInvariant()))
                    : _cases.Find(Query.EQ(AgentIdField, query.AgentId));
                return candidates.Select(FromCaseDocument).Where(query.Matches).OrderByDescending(c => c.Id).Take(limit).ToList();
            }

            // Newest first straight off the primary key, starting below the page boundary and stopping
            // as soon as the page is full.
            var newestFirst = _cases.Query().OrderByDescending("_id");
            if (query.BeforeId is { } beforeId)
            {
                newestFirst = newestFirst.Where(Query.LT("_id", beforeId));
            }

            return newestFirst.ToEnumerable().Select(FromCaseDocument).Where(query.Matches).Take(limit).ToList();
        });
        return Task.FromResult(result);
    }

    public async Task<bool> DeleteCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // Case 0 is not a case: it marks the entries outside any case, which must not go with it.
        if (caseId <= 0)
        {
            return false;
        }

        return await _context.Writes.EnqueueAsync(_ =>
        {
            _entries.DeleteMany(Query.EQ(CaseIdField, caseId));
            return _cases.Delete(caseId);
        }).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var before = cutoff.UtcDateTime;

        // In small batches, each its own write: the turns queued behind the single writer wait for one
        // batch at most, never for the whole backlog (the first purge after retention is shortened).
        var removed = 0;
        int batch;
        do
        {
            batch = await _context.Writes.EnqueueAsync(_ =>
            {
                var expired = _cases.Find(Query.LT(LastActivityAtField, before), limit: PurgeBatch).Select(d => d["_id"].AsInt64).ToList();
                foreach (var id in expired)
                {
                    _entries.DeleteMany(Query.EQ(CaseIdField, id));
                    _cases.Delete(id);
                }

                return expired.Count;
            }).ConfigureAwait(false);
            removed += batch;
        }
        while (batch == PurgeBatch && !cancellationToken.IsCancellationRequested);

        int caseless;
        do
        {
            caseless = await _context.Writes.EnqueueAsync(_ =>
            {
                var expired = _entries.Find(Query.And(Query.EQ(CaseIdField, 0L), Query.LT(TimestampField, before)), limit: PurgeBatch * 10)
                    .Select(d => d["_id"]).ToList();
                return expired.Count(id => _entries.Delete(id));
            }).ConfigureAwait(false);
        }
        while (caseless == PurgeBatch * 10 && !cancellationToken.IsCancellationRequested);

        return removed;
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

        // A real delete: LiteDB zeroes the freed blocks, so the text is gone from the file after the next checkpoint
        // (LiteDbTranscriptStoreTests checks the file bytes after deleting a conversation, a case and a purge).
        return _context.Writes.EnqueueAsync(_ =>
        {
            _entries.DeleteMany(Query.EQ(ConversationKeyField, conversationKey));
            return _cases.DeleteMany(Query.EQ(ConversationKeyField, conversationKey));
        });
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
            [CaseIdField] = entry.CaseId,
        };
        var activity = ActivityJson.Serialize(entry.Activity);
        var snapshot = entry.Snapshot is null ? null : JsonSerializer.Serialize(entry.Snapshot, ActivityJson.Options);
        if (activity.Length + (snapshot?.Length ?? 0) > CompressAbove)
        {
            // Compressed together, the snapshot costs about half what it would as text of its own.
            var (field, text) = snapshot is null ? (CompressedActivityField, activity) : (CompressedTurnField, activity + TurnSeparator + snapshot);
            if (Compress(text) is { } compressed)
            {
                doc[field] = compressed;
                return doc;
            }
        }

        doc[ActivityField] = activity;
        if (snapshot is not null)
        {
            doc[SnapshotField] = snapshot;
        }

        return doc;
    }

    /// <summary>
    /// Brotli, when it saves anything: larger activities (prompts with buttons, outcomes with their
    /// note) shrink several times over, which keeps the transcript near a kilobyte or two per turn.
    /// </summary>
    private static byte[]? Compress(string text)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        return BrotliEncoder.TryCompress(utf8, buffer, out var written, quality: 5, window: 22) && written < utf8.Length
            ? buffer.AsSpan(0, written).ToArray()
            : null;
    }

    private static string Decompress(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static (string Activity, string? Snapshot) ReadActivityAndSnapshot(BsonDocument doc)
    {
        if (doc.TryGetValue(CompressedTurnField, out var turn))
        {
            var text = Decompress(turn.AsBinary);
            var separator = text.IndexOf(TurnSeparator, StringComparison.Ordinal);
            return (text[..separator], text[(separator + 1)..]);
        }

        var activity = doc.TryGetValue(CompressedActivityField, out var compressed) ? Decompress(compressed.AsBinary) : doc[ActivityField].AsString;
        return (activity, doc.TryGetValue(SnapshotField, out var snapshot) && snapshot.IsString ? snapshot.AsString : null);
    }

    private static TranscriptEntry FromDocument(BsonDocument doc)
    {
        var (activity, snapshot) = ReadActivityAndSnapshot(doc);
        return new(
            doc[ConversationKeyField].AsString,
            new DateTimeOffset(doc[TimestampField].AsDateTime.ToUniversalTime()),
            Enum.Parse<TranscriptDirection>(doc[DirectionField].AsString),
            ActivityJson.Deserialize(activity),
            // Entries recorded before cases existed have neither field.
            doc.TryGetValue(CaseIdField, out var caseId) && caseId.IsNumber ? caseId.AsInt64 : 0,
            snapshot is null ? null : JsonSerializer.Deserialize<TurnSnapshot>(snapshot, ActivityJson.Options));
    }

    /// <summary>
    /// The case as JSON text (the mapper never reinterprets it), plus the fields queries filter on.
    /// Playbook ids are stored lower-case so the index answers case-insensitive filters.
    /// </summary>
    private static BsonDocument ToDocument(TranscriptCase transcriptCase) => new()
    {
        ["_id"] = transcriptCase.Id,
        [ConversationKeyField] = transcriptCase.ConversationKey,
        [PlaybookIdField] = transcriptCase.PlaybookId?.ToLowerInvariant() is { } playbook ? playbook : BsonValue.Null,
        [AgentIdField] = transcriptCase.AgentId is { } agent ? agent : BsonValue.Null,
        [LastActivityAtField] = transcriptCase.LastActivityAt.UtcDateTime,
        [CaseJsonField] = JsonSerializer.Serialize(transcriptCase, CaseJsonOptions),
    };

    private static TranscriptCase FromCaseDocument(BsonDocument doc) =>
        JsonSerializer.Deserialize<TranscriptCase>(doc[CaseJsonField].AsString, CaseJsonOptions)! with { Id = doc["_id"].AsInt64 };
}
