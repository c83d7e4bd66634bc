using SupportBot.Transcripts;

namespace SupportBot.Tests.Drills;

public sealed class RolePlayDrillTests
{
    /// <summary>Records a whole battery-belt case for the agent, as the playbook runs it live; returns its case id.</summary>
    internal static async Task<long> RecordBatteryBeltCaseAsync(DrillHarness harness, string agent = "agent-1")
    {
        var conversation = "work-" + agent;
        foreach (var text in new[]
        {
            "cust says the battery belt melted on their xpro",
            "cx is emailing the pics and receipt",
            "no",
            "account holder",
            "order 100-2000-3000 from the website",
        })
        {
            await harness.SendAsync(text, agent, conversation);
        }

        var cases = await harness.Transcripts.FindCasesAsync(new TranscriptQuery { AgentId = agent, PlaybookId = "battery-belt-damage" }, CancellationToken.None);
        return cases.Single().Id;
    }

    [Fact]
    public async Task Roleplay_opens_as_the_customer_with_the_recorded_situation()
    {
        var harness = new DrillHarness();
        var id = await RecordBatteryBeltCaseAsync(harness);

        var replies = await harness.SendAsync($"roleplay {id}");

        Assert.Contains($"**Role-play: case #{id}** (Melted or damaged battery belt)", replies[0].Text);
        Assert.Equal("**Customer:** Hi. The battery belt melted on my xpro.", replies[1].Text);
        Assert.Equal(["done", "stop"], replies[1].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Theory]
    [InlineData("can you send me photos of the damage and the receipt?", "I'm emailing the pics and receipt.")]
    [InlineData("which camera model is it?", "Reveal X-Pro.")]
    [InlineData("was there any fire or smoke, or is anyone injured?", "No.")]
    [InlineData("where did you buy it?", "Order 100-2000-3000 from the website.")]
    [InlineData("what's your favourite colour?", "Sorry, I don't know.")]
    public async Task Customer_answers_from_the_recorded_fields(string question, string answer)
    {
        var harness = new DrillHarness();
        await harness.SendAsync($"role-play {await RecordBatteryBeltCaseAsync(harness)}");

        Assert.Equal("**Customer:** " + answer, await harness.SayAsync(question));
    }

    [Fact]
    public async Task Done_scores_the_steps_asked_about_and_lists_the_missed_ones()
    {
        var harness = new DrillHarness();
        var id = await RecordBatteryBeltCaseAsync(harness);
        await harness.SendAsync($"roleplay {id}");
        await harness.SendAsync("can you send me photos of the damage and the receipt?");
        await harness.SendAsync("which camera model is it?");

        var said = await harness.SayAsync("done");

        Assert.Contains("You covered 2 of 5 key steps (40%)", said);
        var covered = said[said.IndexOf("**Covered:**", StringComparison.Ordinal)..said.IndexOf("**Missed:**", StringComparison.Ordinal)];
        var missed = said[said.IndexOf("**Missed:**", StringComparison.Ordinal)..];
        Assert.Contains("`request-photos`", covered);
        Assert.Contains("`camera-model`", covered);
        Assert.Contains("`safety-check`", missed);
        Assert.Contains("`customer-relationship`", missed);
        Assert.Contains("`purchase-details`", missed);
        var record = await harness.Scores.GetAsync("agent-1", CancellationToken.None);
        var score = Assert.Single(record!.RolePlays);
        Assert.Equal(40, score.Percent);
        Assert.Equal(id, score.CaseId);
    }

    [Fact]
    public async Task Stop_ends_the_roleplay_without_a_score()
    {
        var harness = new DrillHarness();
        await harness.SendAsync($"roleplay {await RecordBatteryBeltCaseAsync(harness)}");

        Assert.Contains("Nothing was scored", await harness.SayAsync("stop"));
        Assert.Null(await harness.Scores.GetAsync("agent-1", CancellationToken.None));
        Assert.Contains("Melted or damaged battery belt", await harness.SayAsync("cust says battery belt melted"));
    }

    [Fact]
    public async Task Questions_during_a_roleplay_go_to_the_customer_not_the_knowledge()
    {
        var harness = new DrillHarness();
        await harness.SendAsync($"roleplay {await RecordBatteryBeltCaseAsync(harness)}");

        var said = await harness.SayAsync("which cams have GPS?");

        Assert.StartsWith("**Customer:**", said);
        Assert.DoesNotContain("knowledge entry", said);
    }

    [Fact]
    public async Task Roleplay_without_a_case_lists_the_trainees_recent_cases()
    {
        var harness = new DrillHarness();
        var id = await RecordBatteryBeltCaseAsync(harness);

        var replies = await harness.SendAsync("roleplay");

        Assert.Contains($"#{id} Melted or damaged battery belt", replies[0].Text);
        Assert.Contains($"roleplay {id}", replies[0].SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Roleplay_of_an_unknown_case_says_so()
    {
        Assert.Contains("There's no case #404", await new DrillHarness().SayAsync("roleplay 404"));
    }

    [Fact]
    public async Task Roleplay_with_something_other_than_a_number_explains_the_command()
    {
        Assert.Contains("\"last\" isn't a case number", await new DrillHarness().SayAsync("roleplay last"));
    }
}
