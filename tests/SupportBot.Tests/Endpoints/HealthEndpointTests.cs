using System.Net;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly SupportBotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Probe_IsHealthy(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
