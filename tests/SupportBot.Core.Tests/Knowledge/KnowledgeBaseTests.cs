using SupportBot.Knowledge;
using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Knowledge;

public class KnowledgeBaseTests
{
    private static readonly Bm25KnowledgeBase Seeds = new(KnowledgeLoader.Load(RepositoryPaths.Knowledge));

    [Theory]
    [InlineData("which cams have gps", "gps")]
    [InlineData("what status do i use for lunch on chat", "woc")]
    [InlineData("first thing for a melted battery belt?", "belt")]
    public void AgentQuestions_AreAnsweredFromTheSeeds(string question, string expectedInEntry)
    {
        var best = Seeds.Search(question, 1);
        Assert.NotEmpty(best);
        Assert.Contains(expectedInEntry, best[0].Entry.Id + " " + best[0].Entry.Question + " " + best[0].Entry.Answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UnrelatedQuestion_GetsNoAnswer() =>
        Assert.Empty(Seeds.Search("what is the capital of mongolia", 1));

    [Fact]
    public void SeedFile_HasEntries() => Assert.True(Seeds.Count >= 50);
}
