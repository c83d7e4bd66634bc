using System.Net;
using static SupportBot.Tests.Endpoints.Transcripts.TranscriptsApi;

namespace SupportBot.Tests.Endpoints.Transcripts;

public sealed class TranscriptsDeleteEndpointTests : IDisposable
{
    private readonly TranscriptsApi _api = new();

    public void Dispose() => _api.Dispose();

    private Task<long> CaseAsync() => _api.StoredCaseAsync(AgentA, "missing-camera", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Delete_by_a_trainer_removes_the_case_for_good()
    {
        var id = await CaseAsync();

        var response = await _api.As(Trainer).DeleteAsync($"/api/transcripts/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.As(Trainer).GetAsync($"/api/transcripts/{id}")).StatusCode);
        Assert.Empty(await _api.ListIdsAsync(Trainer));
    }

    [Fact]
    public async Task Delete_by_an_agent_is_refused_and_keeps_the_case()
    {
        var id = await CaseAsync();

        var response = await _api.As(AgentA).DeleteAsync($"/api/transcripts/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal([id], await _api.ListIdsAsync(Trainer));
    }

    [Fact]
    public async Task Delete_returns_401_without_a_caller()
    {
        var id = await CaseAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.As(null).DeleteAsync($"/api/transcripts/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_returns_404_for_an_unknown_case()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.As(Trainer).DeleteAsync("/api/transcripts/4242")).StatusCode);
    }
}
