using SupportBot.Drills;

namespace SupportBot.Tests.Drills;

public sealed class DrillRequestTests
{
    [Theory]
    [InlineData("quiz", null)]
    [InlineData("Quiz me", null)]
    [InlineData("quiz notes", "notes")]
    [InlineData("quiz me on live view", "live view")]
    [InlineData("start quiz", null)]
    public void Recognize_reads_quiz_with_an_optional_topic(string text, string? topic)
    {
        var request = DrillRequest.Recognize(text);

        Assert.Equal(DrillRequestKind.Quiz, request?.Kind);
        Assert.Equal(topic, request?.Topic);
    }

    [Theory]
    [InlineData("roleplay 12")]
    [InlineData("role-play 12")]
    [InlineData("role play #12")]
    [InlineData("roleplay case 12")]
    public void Recognize_reads_roleplay_with_a_case_id(string text)
    {
        var request = DrillRequest.Recognize(text);

        Assert.Equal(DrillRequestKind.RolePlay, request?.Kind);
        Assert.Equal(12, request?.CaseId);
    }

    [Fact]
    public void Recognize_keeps_what_followed_roleplay_when_it_is_not_a_case_number()
    {
        var request = DrillRequest.Recognize("roleplay yesterday");

        Assert.Null(request?.CaseId);
        Assert.Equal("yesterday", request?.BadCaseId);
    }

    [Theory]
    [InlineData("my scores", DrillRequestKind.MyScores)]
    [InlineData("scoreboard", DrillRequestKind.Scoreboard)]
    [InlineData("drills", DrillRequestKind.Help)]
    public void Recognize_reads_the_other_drill_commands(string text, DrillRequestKind kind)
    {
        Assert.Equal(kind, DrillRequest.Recognize(text)?.Kind);
    }

    [Theory]
    [InlineData("cx failed a quiz on the app")]
    [InlineData("transcripts")]
    [InlineData("replay 3")]
    [InlineData("")]
    public void Recognize_ignores_messages_that_are_not_drill_commands(string text)
    {
        Assert.Null(DrillRequest.Recognize(text));
    }
}
