using System.CommandLine;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SupportBot.Host.Cli.Teams;

namespace SupportBot.Tests.Channels.Teams.Manifest;

/// <summary><c>supportbot teams package</c>, run through its System.CommandLine definition.</summary>
public sealed class TeamsPackageCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "supportbot-teams-" + Guid.NewGuid().ToString("N"));

    public TeamsPackageCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand { TeamsPackageCommand.Build() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = root.Parse(["teams", "package", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string ManifestId(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!["id"]!.GetValue<string>();
    }

    [Fact]
    public void NoAppId_RefusesWithAClearMessage_AndExitCode1()
    {
        // The empty command-line setting overrides any Teams:AppId in appsettings.json or the environment.
        var zip = Path.Combine(_folder, "out.zip");

        var (exitCode, output, error) = Invoke("--manifest-folder", ManifestFiles.Folder, "--output", zip, "--Teams:AppId=");

        Assert.Equal(1, exitCode);
        Assert.Contains("No Teams app id: pass --app-id GUID, or set Teams:AppId", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void NoAppId_InAnEmptyConfiguration_RefusesWithExitCode1()
    {
        var error = new StringWriter();

        var exitCode = TeamsPackageCommand.Run(null, Path.Combine(_folder, "out.zip"), ManifestFiles.Folder, new ConfigurationBuilder().Build(), TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("Teams__AppId", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("{5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void InvalidAppId_IsRefused(string appId)
    {
        var (exitCode, _, error) = Invoke("--app-id", appId, "--manifest-folder", ManifestFiles.Folder, "--output", Path.Combine(_folder, "out.zip"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"--app-id '{appId}' is not a valid app id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidConfiguredAppId_NamesTheSetting()
    {
        var (exitCode, _, error) = Invoke("--manifest-folder", ManifestFiles.Folder, "--output", Path.Combine(_folder, "out.zip"), "--Teams:AppId", "supportbot");

        Assert.Equal(1, exitCode);
        Assert.Contains("Teams:AppId 'supportbot' is not a valid app id", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AppIdOption_WritesThePackage()
    {
        var zip = Path.Combine(_folder, "nested", "supportbot.zip");

        var (exitCode, output, error) = Invoke("--app-id", "5B0D7C1E-9A2F-4E63-8D41-C7F2A9E0B315", "--manifest-folder", ManifestFiles.Folder, "--output", zip);

        Assert.True(exitCode == 0, error);
        Assert.Contains(zip, output, StringComparison.Ordinal);
        Assert.Equal("5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315", ManifestId(zip));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(3, archive.Entries.Count);
    }

    [Fact]
    public void ConfiguredAppId_IsUsed_AndTheOptionWinsOverIt()
    {
        var configured = Path.Combine(_folder, "configured.zip");
        var overridden = Path.Combine(_folder, "overridden.zip");

        Assert.Equal(0, Invoke("--manifest-folder", ManifestFiles.Folder, "--output", configured, "--Teams:AppId", "11111111-2222-4333-8444-555555555555").ExitCode);
        Assert.Equal(0, Invoke("--app-id", ManifestFiles.AppId.ToString(), "--manifest-folder", ManifestFiles.Folder, "--output", overridden, "--Teams:AppId", "11111111-2222-4333-8444-555555555555").ExitCode);

        Assert.Equal("11111111-2222-4333-8444-555555555555", ManifestId(configured));
        Assert.Equal(ManifestFiles.AppId.ToString(), ManifestId(overridden));
    }

    [Fact]
    public void OutputFolder_GetsTheDefaultFileName()
    {
        var (exitCode, _, error) = Invoke("--app-id", ManifestFiles.AppId.ToString(), "--manifest-folder", ManifestFiles.Folder, "--output", _folder);

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(_folder, "supportbot-teams.zip")));
    }

    [Fact]
    public void Output_DefaultsToSupportbotTeamsZip()
    {
        var root = new RootCommand { TeamsPackageCommand.Build() };

        Assert.Equal("supportbot-teams.zip", root.Parse(["teams", "package"]).GetValue<string>("--output"));
    }

    [Fact]
    public void MissingManifestFolder_SaysWhereItLooked()
    {
        var missing = Path.Combine(_folder, "no-manifest-here");

        var (exitCode, _, error) = Invoke("--app-id", ManifestFiles.AppId.ToString(), "--manifest-folder", missing, "--output", Path.Combine(_folder, "out.zip"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"Teams manifest template not found: {Path.Combine(missing, "manifest.template.json")}", error, StringComparison.Ordinal);
        Assert.Contains("--manifest-folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRelativeManifestFolder_NamesTheWorkingDirectoryAndTheProgramFolder()
    {
        var relative = "no-manifest-" + Guid.NewGuid().ToString("N");

        var (exitCode, _, error) = Invoke("--app-id", ManifestFiles.AppId.ToString(), "--manifest-folder", relative, "--output", Path.Combine(_folder, "out.zip"));

        Assert.Equal(1, exitCode);
        Assert.Contains(Path.Combine(Path.GetFullPath(relative), "manifest.template.json"), error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, relative, "manifest.template.json"), error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidManifest_ListsTheProblems_AndWritesNothing()
    {
        var broken = Path.Combine(_folder, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "manifest.template.json"), File.ReadAllText(ManifestFiles.Template).Replace("\"SupportBot\"", "\"SupportBot, the agent-assist for support teams\"", StringComparison.Ordinal));
        File.Copy(Path.Combine(ManifestFiles.Folder, "color.png"), Path.Combine(broken, "color.png"));
        var zip = Path.Combine(_folder, "out.zip");

        var (exitCode, _, error) = Invoke("--app-id", ManifestFiles.AppId.ToString(), "--manifest-folder", broken, "--output", zip);

        Assert.Equal(1, exitCode);
        Assert.Contains("has 2 problem(s); no package written", error, StringComparison.Ordinal);
        Assert.Contains("name.short: must be 1 to 30 characters (has 46)", error, StringComparison.Ordinal);
        Assert.Contains("icons.outline: the file 'outline.png' is missing", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }
}
