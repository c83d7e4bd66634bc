using SupportBot.Escalations;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbEscalationStoreContractTests : EscalationStoreContractTests, IDisposable
{
    private readonly TempDbFile _file = new();
    private LiteDbContext? _context;

    protected override IEscalationStore CreateStore()
    {
        _context = _file.Open();
        return new LiteDbEscalationStore(_context);
    }

    public void Dispose()
    {
        _context?.Dispose();
        _file.Dispose();
    }
}
