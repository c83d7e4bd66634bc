using System.Diagnostics;
using SupportBot.Host.Cli.HostLink;
using SupportBot.Tests.Infrastructure;
using SupportBot.Tests.Processes;

namespace SupportBot.Tests.Cli;

/// <summary>The host link itself: how it is written, what a command does when it is missing or stale.</summary>
[Collection(ProcessTests.Collection)]
public sealed class TranscriptsHostLinkProcessTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task HostLink_IsReadableByTheOwnerOnly_AndNamesTheHostsAddress()
    {
        using var database = new TempDatabase();
        await using var host = HostProcess.Start(database.Path);
        await host.WaitUntilReadyAsync();

        var link = await HostLinkWaits.UntilWrittenAsync(database.Path, host);

        Assert.Equal(host.BaseAddress.GetLeftPart(UriPartial.Authority), link.Url);
        Assert.Equal(Path.GetFullPath(database.Path), link.Database);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HostLinkFile.PathFor(database.Path)));
    }

    [Fact]
    public async Task HostLink_IsRemovedWhenTheHostStops()
    {
        using var database = new TempDatabase();
        await using var host = HostProcess.Start(database.Path);
        await host.WaitUntilReadyAsync();
        var link = await HostLinkWaits.UntilWrittenAsync(database.Path, host);

        using (var terminate = Process.Start("kill", ["-TERM", link.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        await host.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(HostLinkFile.PathFor(database.Path)), host.Output);
    }

    [Fact]
    public async Task LockedDatabase_WithoutALink_Exits1SayingItIsLockedAndNoHostCanBeReached()
    {
        using var database = new TempDatabase();
        await using var host = HostProcess.Start(database.Path);
        await host.WaitUntilReadyAsync();
        await HostLinkWaits.UntilWrittenAsync(database.Path, host);
        File.Delete(HostLinkFile.PathFor(database.Path));

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "list", "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is locked", result.Error, StringComparison.Ordinal);
        Assert.Contains("No running host can be reached instead: no running host has left a link", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockedDatabase_WithAStaleLink_Exits1SayingTheLinkIsStale()
    {
        using var database = new TempDatabase();
        await using var host = HostProcess.Start(database.Path);
        await host.WaitUntilReadyAsync();
        var link = await HostLinkWaits.UntilWrittenAsync(database.Path, host);
        int finishedProcessId;
        using (var finished = Process.Start("true")!)
        {
            await finished.WaitForExitAsync();
            finishedProcessId = finished.Id;
        }

        HostLinkFile.Write(HostLinkFile.PathFor(database.Path), link with { ProcessId = finishedProcessId });

        var result = await TranscriptsCliRunner.RunAsync("transcripts", "export", "1", "--Storage:Path", database.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"is stale: process {finishedProcessId} is no longer running", result.Error, StringComparison.Ordinal);
    }
}
