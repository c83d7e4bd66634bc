using Microsoft.Extensions.Configuration;
using SupportBot.Escalations;

namespace SupportBot.Tests.Escalations;

public class EscalationOptionsBindingTests
{
    [Fact]
    public void ConfiguredDestinationsAndDays_ReplaceTheDefaults_RatherThanAddingToThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Escalations:Routes:manager:Destinations:0"] = "teams:19:abc@thread.tacv2",
            ["Escalations:BusinessHours:Days:0"] = "Saturday",
        }).Build();

        var options = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>()!;

        Assert.Equal(["teams:19:abc@thread.tacv2"], options.Routes["manager"].Destinations);
        Assert.Equal([DayOfWeek.Saturday], options.BusinessHours.Days);
        Assert.False(options.BusinessHours.IsOpen(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)));
    }
}
