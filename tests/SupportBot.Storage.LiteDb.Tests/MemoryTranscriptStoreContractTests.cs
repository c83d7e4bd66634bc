using SupportBot.Storage;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>The reference implementation passes the same contract, so the suite itself is trustworthy.</summary>
public sealed class MemoryTranscriptStoreContractTests : TranscriptStoreContractTests
{
    protected override ITranscriptStore CreateStore() => new MemoryTranscriptStore();
}
