namespace SupportBot.Tests.Infrastructure;

/// <summary>A database path of its own for one test, removed afterwards (with LiteDB's log file).</summary>
internal sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "supportbot-test-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        foreach (var file in new[] { Path, System.IO.Path.ChangeExtension(Path, null) + "-log.db" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A process killed by the test may still be releasing the file; the OS cleans temp later.
            }
        }
    }
}
