using SupportBot.Host.Channels.Teams;

namespace SupportBot.Tests.Channels.Teams;

public sealed class TeamsRegisterCommandTests
{
    [Theory]
    [InlineData("register this channel as escalation-lead", "escalation-lead")]
    [InlineData("  Register  this channel AS Escalation-Lead. ", "Escalation-Lead")]
    [InlineData("register this channel as the billing-gateway-lead!", "billing-gateway-lead")]
    [InlineData("register this channel as team.v2", "team.v2")]
    public void The_command_names_the_role(string text, string role) =>
        Assert.Equal(role, TeamsRegisterCommand.ParseRole(text));

    [Theory]
    [InlineData("register this channel")]
    [InlineData("register this channel as")]
    [InlineData("please register this channel as escalation-lead")]
    [InlineData("register this channel as escalation-lead and billing")]
    [InlineData("cust says battery belt melted")]
    [InlineData(null)]
    public void Other_text_is_not_the_command(string? text) =>
        Assert.Null(TeamsRegisterCommand.ParseRole(text));
}
