using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>A unique database path under the temp directory; removes the file and LiteDB's sidecars afterwards.</summary>
internal sealed class TempDbFile : IDisposable
{
    public TempDbFile()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "supportbot-litedb-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "test.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public LiteDbContext Open() => new(new LiteDbOptions { Path = Path });

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
