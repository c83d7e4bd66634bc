using SupportBot.Host.Cli.HostLink;

namespace SupportBot.Tests.Cli;

public sealed class TranscriptsHostLinkTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000")]
    [InlineData("http://[::]:5000", "http://[::1]:5000")]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080")]
    [InlineData("http://localhost:5001", "http://localhost:5001")]
    public void ForLocalClient_TurnsTheListeningAddressIntoOneToCall(string listening, string expected)
    {
        Assert.Equal(expected, HostAddresses.ForLocalClient([listening]));
    }

    [Fact]
    public void ForLocalClient_PrefersPlainHttpOnLoopback()
    {
        Assert.Equal("http://127.0.0.1:5000", HostAddresses.ForLocalClient(["https://localhost:5443", "http://10.1.2.3:5000", "http://127.0.0.1:5000"]));
    }

    [Fact]
    public void ForLocalClient_TakesThisMachinesOwnAddressWhenThatIsAllThereIs()
    {
        Assert.Equal("http://10.1.2.3:5000", HostAddresses.ForLocalClient(["http://10.1.2.3:5000"]));
    }

    [Fact]
    public void ForLocalClient_IsNullWithoutATcpAddress()
    {
        Assert.Null(HostAddresses.ForLocalClient(["http://unix:/run/supportbot.sock"]));
        Assert.Null(HostAddresses.ForLocalClient([]));
    }

    [Fact]
    public void Read_OfAMissingLink_SaysNoHostLeftOne()
    {
        var (link, problem) = HostLinkFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + HostLinkFile.Suffix));

        Assert.Null(link);
        Assert.StartsWith("no running host has left a link at", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OfAGarbledLink_SaysItIsNotValid()
    {
        using var files = new ScratchFolder();
        var path = files.Write("db.host.json", "{ half a file");

        var (link, problem) = HostLinkFile.Read(path);

        Assert.Null(link);
        Assert.StartsWith($"the host link '{path}' is not valid", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteThenRead_GivesTheLinkBack_WhileItsProcessRuns()
    {
        using var files = new ScratchFolder();
        var path = files.PathOf("db.host.json");
        var written = new HostLinkInfo("http://127.0.0.1:5000", Environment.ProcessId, "sample-token", "/srv/db", DateTimeOffset.UnixEpoch);

        HostLinkFile.Write(path, written);

        Assert.Equal(written, HostLinkFile.Read(path).Link);
    }

    [Fact]
    public void DeleteIfOwn_LeavesALinkWithAnotherToken()
    {
        using var files = new ScratchFolder();
        var path = files.PathOf("db.host.json");
        HostLinkFile.Write(path, new HostLinkInfo("http://127.0.0.1:5000", Environment.ProcessId, "newer-host-token", "/srv/db", DateTimeOffset.UnixEpoch));

        HostLinkFile.DeleteIfOwn(path, "older-host-token");

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void SplitSettings_TakesSectionKeySettingsOutOfAListOfFiles()
    {
        var (files, settings) = DataCommandOptions.SplitSettings(["a.transcript", "--Storage:Path", "/srv/db", "b.transcript", "--Training:TranscriptRetention=1.00:00:00"]);

        Assert.Equal(["a.transcript", "b.transcript"], files);
        Assert.Equal(["--Storage:Path", "/srv/db", "--Training:TranscriptRetention=1.00:00:00"], settings);
    }
}
