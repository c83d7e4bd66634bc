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

/// <summary>A stored JSON document and the ETag it was read with (or is to be written against).</summary>
public sealed record StoreItem(JsonObject Document, string? ETag = null)
{
    public const string AnyETag = "*";
}
