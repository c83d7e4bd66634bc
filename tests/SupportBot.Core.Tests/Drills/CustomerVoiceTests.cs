using SupportBot.Drills;

namespace SupportBot.Tests.Drills;

public sealed class CustomerVoiceTests
{
    [Theory]
    [InlineData("cust says the battery belt melted on their xpro", "The battery belt melted on my xpro.")]
    [InlineData("cx is emailing the pics and receipt", "I'm emailing the pics and receipt.")]
    [InlineData("customer wants a refund", "I want a refund.")]
    [InlineData("CT reports that they're locked out", "I'm locked out.")]
    [InlineData("cx sent pics yesterday", "I sent pics yesterday.")]
    [InlineData("cx belt swelled and cracked", "Belt swelled and cracked.")]
    [InlineData("order 100-2000-3000 from the website", "Order 100-2000-3000 from the website.")]
    public void Restate_puts_the_agents_note_in_the_customers_words(string agentText, string expected)
    {
        Assert.Equal(expected, CustomerVoice.Restate(agentText));
    }

    [Fact]
    public void Restate_of_nothing_is_empty()
    {
        Assert.Equal("", CustomerVoice.Restate("  "));
    }
}
