using System.Net;
using static SupportBot.Tests.Endpoints.Transcripts.TranscriptsApi;

namespace SupportBot.Tests.Endpoints.Transcripts;

public sealed class TranscriptsTrainerPageEndpointTests : IDisposable
{
    private readonly TranscriptsApi _api = new();

    public void Dispose() => _api.Dispose();

    [Theory]
    [InlineData(Trainer, true)]
    [InlineData(AgentA, false)]
    public async Task Me_says_who_the_caller_is_and_whether_they_train(string userId, bool isTrainer)
    {
        var me = await JsonAsync(await _api.As(userId).GetAsync("/api/trainer/me"));

        Assert.Equal(userId, me["id"]!.GetValue<string>());
        Assert.Equal(isTrainer, me["isTrainer"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Me_returns_401_without_a_caller()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.As(null).GetAsync("/api/trainer/me")).StatusCode);
    }

    [Fact]
    public async Task Playbooks_lists_every_playbook_with_its_title()
    {
        var playbooks = (await JsonAsync(await _api.As(null).GetAsync("/api/playbooks"))).AsArray();

        Assert.Equal(Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml").Length, playbooks.Count);
        var belt = playbooks.Single(p => p!["id"]!.GetValue<string>() == "battery-belt-damage")!;
        Assert.Equal("Melted or damaged battery belt", belt["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Trainer_page_is_served()
    {
        var html = await _api.As(null).GetStringAsync("/trainer.html");

        Assert.Contains("<title>SupportBot trainer</title>", html);
    }
}
