using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Teams;
using SupportBot.Storage;

namespace SupportBot.Tests.Channels.Teams;

public sealed class RouteDirectoryTests
{
    [Fact]
    public async Task Registered_channels_receive_summaries_and_reminders()
    {
        var storage = new MemoryStorage();
        var registry = new TeamsRouteRegistry(storage);
        await registry.RegisterAsync("lead", new RegisteredChannel("19:x@thread.tacv2", null, null, null, "u", DateTimeOffset.UtcNow), default);
        var options = new EscalationOptions();
        options.BusinessHours.Days.AddRange(Enum.GetValues<DayOfWeek>());
        options.BusinessHours.Start = new TimeOnly(0, 0);
        options.BusinessHours.End = new TimeOnly(23, 59, 59);
        options.Routes["lead"] = new RouteOptions { Destinations = ["local"], Chain = [new ChainStepOptions { Member = "m1" }] };
        var store = new MemoryEscalationStore();
        var service = new EscalationService(store, Options.Create(options), TimeProvider.System, NullLogger<EscalationService>.Instance, null, registry);
        await service.CreateAsync(new EscalationRequest("p", "c", "lead", "high", null, "s", [], [], "n", null, [], new ConversationReference("msteams", "conv", null, "a", "A")), default);
        var now = DateTimeOffset.UtcNow;
        var claimed = await store.ClaimOutboxAsync(now, now.AddSeconds(30), 100, default);
        Assert.Contains(claimed, m => m.Kind == OutboxKinds.Summary && m.Destination == "teams:19:x@thread.tacv2");
        Assert.Contains(claimed, m => m.Kind == OutboxKinds.Summary && m.Destination == "local");
    }
}
