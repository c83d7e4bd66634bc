using SupportBot.Tests.Testing;

namespace SupportBot.Tests.Bot;

public class SingleSuggestionTests
{
    // A typo-ridden description is recognised only well enough to suggest one playbook.
    private const string Unsure = "cx sez there batery blet got meltd";

    [Fact]
    public async Task Yes_to_a_single_suggestion_starts_that_playbook()
    {
        var flow = await BotHarness.FromRepository().Flow().SendAsync(Unsure);
        flow.AssertReplyEventually("Is it?");
        flow.DrainReplies();

        (await flow.SendAsync("yes")).AssertReply("Battery belt");
    }

    [Fact]
    public async Task No_to_a_single_suggestion_asks_for_other_words()
    {
        var flow = await BotHarness.FromRepository().Flow().SendAsync(Unsure);
        flow.AssertReplyEventually("Is it?");
        flow.DrainReplies();

        (await flow.SendAsync("no")).AssertReply("Describe the situation in a few words");
    }
}
