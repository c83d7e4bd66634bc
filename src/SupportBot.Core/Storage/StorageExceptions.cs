namespace SupportBot.Storage;

/// <summary>A write lost an optimistic-concurrency race: someone else changed the item first.</summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException(string key, string? expectedETag)
        : base(expectedETag is null
            ? $"Storage item '{key}' already exists; it was expected to be new."
            : $"Storage item '{key}' was changed by someone else (expected ETag '{expectedETag}').")
    {
        Key = key;
    }

    public StorageConflictException() { Key = ""; }

    public StorageConflictException(string message, Exception innerException) : base(message, innerException) { Key = ""; }

    public string Key { get; }
}

/// <summary>The store cannot be used at all (corrupt, locked or unreadable file). Never a silent reset.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
