using System.Text;
using System.Text.Json.Nodes;
using LiteDB;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// <see cref="IStorage"/> on LiteDB: one document per key in the <c>state</c> collection. The JSON is kept
/// as a string field so the BSON mapper never reinterprets it (dates, empty strings, number types).
/// </summary>
/// <remarks>
/// The async methods complete synchronously: a LiteDB transaction belongs to the thread that began it,
/// so a batch must run start to finish without an await.
/// </remarks>
public sealed class LiteDbStorage : IStorage
{
    internal const string CollectionName = "state";

    // LiteDB refuses index keys of 1023 bytes or more; checked up front for a clearer error.
    internal const int MaxKeyBytes = 1020;

    private const string JsonField = "json";
    private const string ETagField = "etag";

    private readonly LiteDbContext _context;
    private readonly ILiteCollection<BsonDocument> _items;

    public LiteDbStorage(LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _items = context.Database.GetCollection(CollectionName);
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
        }

        // A single key (every turn's read) is a direct primary-key lookup; several keys are one query,
        // so a multi-key read sees one consistent snapshot.
        var ids = keys.Where(IsStorableKey).Distinct(StringComparer.Ordinal).Select(k => new BsonValue(k)).ToList();
        var documents = LiteDbErrors.Guard(_context, () => ids.Count == 1
            ? (_items.FindById(ids[0]) is { } found ? [found] : new List<BsonDocument>())
            : _items.Find(Query.In("_id", ids)).ToList());
        foreach (var doc in documents)
        {
            result[doc["_id"].AsString] = new StoreItem(doc[JsonField].AsString, doc[ETagField].AsString);
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (key, item) in changes)
        {
            EnsureStorableKey(key);
            ArgumentNullException.ThrowIfNull(item, nameof(changes));
        }

        var rows = changes.Select(c => (c.Key, c.Value.ETag, c.Value.Json)).ToList();
        return await _context.Writes.EnqueueAsync(_ => WriteRows(rows)).ConfigureAwait(false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var ids = keys.Where(IsStorableKey).Select(k => new BsonValue(k)).ToList();
        if (ids.Count > 0)
        {
            await _context.Writes.EnqueueAsync(_ => ids.Count(id => _items.Delete(id))).ConfigureAwait(false);
        }
    }

    /// <summary>Runs on the writer thread inside its transaction: checks every ETag first, then writes.</summary>
    private Dictionary<string, string> WriteRows(List<(string Key, string? ETag, string Json)> rows)
    {
        foreach (var (key, etag, _) in rows)
        {
            var current = _items.FindById(key)?[ETagField].AsString;
            var matches = etag switch
            {
                null => current is null,
                StoreItem.AnyETag => true,
                _ => current == etag,
            };
            if (!matches)
            {
                throw new StorageConflictException(key, etag);
            }
        }

        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, _, json) in rows)
        {
            var etag = Guid.NewGuid().ToString("N");
            _items.Upsert(new BsonDocument { ["_id"] = key, [JsonField] = json, [ETagField] = etag });
            etags[key] = etag;
        }

        return etags;
    }

    private static bool IsStorableKey(string key) => key is not null && Encoding.UTF8.GetByteCount(key) <= MaxKeyBytes;

    private static void EnsureStorableKey(string key)
    {
        if (!IsStorableKey(key))
        {
            throw new ArgumentException($"Storage keys are limited to {MaxKeyBytes} UTF-8 bytes; '{key[..40]}…' is longer.", nameof(key));
        }
    }
}
