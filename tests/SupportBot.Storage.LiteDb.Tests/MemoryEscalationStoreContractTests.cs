using SupportBot.Escalations;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>The reference implementation passes the same contract, so the suite itself is trustworthy.</summary>
public sealed class MemoryEscalationStoreContractTests : EscalationStoreContractTests
{
    protected override IEscalationStore CreateStore() => new MemoryEscalationStore();
}
