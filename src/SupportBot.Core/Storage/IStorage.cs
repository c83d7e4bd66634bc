using System.Text.Json.Nodes;

namespace SupportBot.Storage;

/// <summary>
/// Key-value document storage with optimistic concurrency, in the manner of Bot Framework's IStorage.
/// </summary>
/// <remarks>
/// ETag rules for <see cref="WriteAsync"/>: <c>null</c> creates the item and fails if it exists;
/// <c>"*"</c> overwrites whatever is there; any other value must equal the stored ETag. A batch is
/// written all or nothing. Every successful write issues a new ETag.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads the items that exist; missing keys are simply absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Writes a batch atomically and returns the new ETag of each key.</summary>
    /// <exception cref="StorageConflictException">An ETag did not match; nothing was written.</exception>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>
/// A stored JSON document and the ETag it was read with (or is to be written against). The document
/// travels as JSON text, which is what every store persists; <see cref="Document"/> parses it on demand.
/// </summary>
public sealed class StoreItem
{
    public const string AnyETag = "*";

    private JsonObject? _document;

    public StoreItem(string json, string? etag = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        Json = json;
        ETag = etag;
    }

    public StoreItem(JsonObject document, string? etag = null)
        : this((document ?? throw new ArgumentNullException(nameof(document))).ToJsonString(), etag)
    {
    }

    /// <summary>The document as JSON text (a JSON object).</summary>
    public string Json { get; }

    public string? ETag { get; }

    /// <summary>The document, parsed once on first use; changing it does not change the store.</summary>
    public JsonObject Document => _document ??= JsonNode.Parse(Json) as JsonObject
        ?? throw new InvalidOperationException("A stored document must be a JSON object.");
}
