namespace SupportBot.Storage.LiteDb;

/// <summary>Turns I/O failures during an operation (disk gone, permissions changed) into the storage contract's exception.</summary>
internal static class LiteDbErrors
{
    public static T Guard<T>(LiteDbContext context, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageUnavailableException($"The LiteDB file '{context.FilePath}' cannot be read or written: {e.Message}", e);
        }
    }
}
