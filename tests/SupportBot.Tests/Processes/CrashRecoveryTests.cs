using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Processes;

/// <summary>What survives the process being killed, and what a damaged database does to start-up.</summary>
[Collection(ProcessTests.Collection)]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KilledWithSigkill_MidConversation_ContinuesAtTheSameStepAfterRestart()
    {
        using var database = new TempDatabase();
        await using (var first = HostProcess.Start(database.Path))
        {
            await first.WaitUntilReadyAsync();
            await first.ChatAsync("crash-test", "cust says battery belt melted");
            await first.ChatAsync("crash-test", "cx is emailing the pics and receipt");
            var atModel = await first.ChatAsync("crash-test", "no");
            Assert.Contains("Which camera", atModel.Last()!["text"]!.GetValue<string>());
            first.KillHard();
        }

        await using var second = HostProcess.Start(database.Path);
        await second.WaitUntilReadyAsync();
        var next = await second.ChatAsync("crash-test", "xpro");

        Assert.Contains("Who is on the contact", next.Last()!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task KilledWhileTurnsAreInFlight_RestartsOnAnIntactDatabase()
    {
        using var database = new TempDatabase();
        await using (var first = HostProcess.Start(database.Path))
        {
            await first.WaitUntilReadyAsync();
            await first.ChatAsync("steady", "cust says battery belt melted");
            var inFlight = Enumerable.Range(0, 20).Select(i => first.ChatAsync("busy-" + i, "cust says battery belt melted")).ToList();
            await Task.Delay(30);
            first.KillHard();
            await Task.WhenAll(inFlight.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        await using var second = HostProcess.Start(database.Path);
        await second.WaitUntilReadyAsync();
        var next = await second.ChatAsync("steady", "cx is emailing the pics and receipt");

        Assert.Contains("fire, smoke", next.Last()!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task CorruptDatabase_StopsStartUpWithAMessageNamingTheFile_AndLeavesItUntouched()
    {
        using var database = new TempDatabase();
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(database.Path, garbage);

        await using var host = HostProcess.Start(database.Path);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(database.Path, host.Output);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(database.Path));
    }

    [Fact]
    public async Task DatabaseHeldByAnotherProcess_StopsStartUpWithAMessageNamingTheFile()
    {
        using var database = new TempDatabase();
        await using var holder = HostProcess.Start(database.Path);
        await holder.WaitUntilReadyAsync();

        await using var second = HostProcess.Start(database.Path);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(database.Path, second.Output);
    }

    [Fact]
    public async Task BrokenPlaybook_StopsStartUpWithFileAndLine()
    {
        using var database = new TempDatabase();
        var folder = Directory.CreateTempSubdirectory("dialogs-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var broken = Path.Combine(folder, "missing-camera.yaml");
            await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(broken)).Replace("ask: number", "ask: numbr", StringComparison.Ordinal));

            await using var host = HostProcess.Start(database.Path, "--Dialogs:Path", folder);
            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(30));

            Assert.NotEqual(0, exitCode);
            Assert.Matches(@"missing-camera\.yaml:\d+:\d+: step '[a-z-]+': ask 'numbr' is not one of", host.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Collection = "Real supportbot processes";
}
