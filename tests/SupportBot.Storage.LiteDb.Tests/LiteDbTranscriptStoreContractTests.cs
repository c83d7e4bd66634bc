using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbTranscriptStoreContractTests : TranscriptStoreContractTests, IDisposable
{
    private readonly TempDbFile _file = new();
    private LiteDbContext? _context;

    protected override ITranscriptStore CreateStore()
    {
        _context = _file.Open();
        return new LiteDbTranscriptStore(_context);
    }

    public void Dispose()
    {
        _context?.Dispose();
        _file.Dispose();
    }
}
