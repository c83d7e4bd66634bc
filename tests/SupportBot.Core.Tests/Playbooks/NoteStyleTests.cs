using SupportBot.Playbooks;

namespace SupportBot.Tests.Playbooks;

public class NoteStyleTests
{
    [Theory]
    [InlineData("cx said \"this is the worst company ever\" and wants a refund", "cx said [customer's words in the transcript] and wants a refund")]
    [InlineData("cust wrote “I want my money back now” on chat", "cust wrote [customer's words in the transcript] on chat")]
    public void DirectCustomerQuotes_AreReplacedByAPointerToTheTranscript(string input, string expected) =>
        Assert.Equal(expected, NoteStyle.Neutralize(input));

    [Theory]
    [InlineData("belt melted!!! ugh", "belt melted.")]
    [InlineData("camera offline lol", "camera offline")]
    public void EmotiveAsidesAndShouting_AreDropped(string input, string expected) =>
        Assert.Equal(expected, NoteStyle.Neutralize(input));

    [Fact]
    public void PlainFacts_AreKeptAsTyped() =>
        Assert.Equal("order 100-2000-3000, customer's address confirmed", NoteStyle.Neutralize("order 100-2000-3000, customer's address confirmed"));
}
