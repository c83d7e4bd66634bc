using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Host.Channels.Replay;

namespace SupportBot.Tests.Channels.Replay;

public class ReplayOptionsTests
{
    private static IOptions<ReplayOptions> Bind(string? interval)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(interval is null ? [] : [new KeyValuePair<string, string?>("Training:ReplayInterval", interval)])
            .Build();
        return new ServiceCollection().AddTrainerChatCommands(configuration).BuildServiceProvider().GetRequiredService<IOptions<ReplayOptions>>();
    }

    [Fact]
    public void ReplayInterval_is_one_second_unless_set() => Assert.Equal(TimeSpan.FromSeconds(1), Bind(null).Value.ReplayInterval);

    [Fact]
    public void ReplayInterval_is_read_from_the_training_section() => Assert.Equal(TimeSpan.FromMilliseconds(250), Bind("00:00:00.250").Value.ReplayInterval);

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public void ReplayInterval_outside_zero_to_a_minute_is_refused_naming_the_setting(string interval)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(interval).Value);

        Assert.Contains("Training:ReplayInterval", error.Message);
    }
}
