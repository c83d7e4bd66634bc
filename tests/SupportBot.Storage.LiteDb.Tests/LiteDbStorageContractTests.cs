using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbStorageContractTests : StorageContractTests, IDisposable
{
    private readonly TempDbFile _file = new();
    private LiteDbContext? _context;

    protected override IStorage CreateStorage()
    {
        _context = _file.Open();
        return new LiteDbStorage(_context);
    }

    public void Dispose()
    {
        _context?.Dispose();
        _file.Dispose();
    }
}
