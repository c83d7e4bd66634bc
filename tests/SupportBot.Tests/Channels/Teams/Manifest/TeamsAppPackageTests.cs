using System.IO.Compression;
using System.Text.Json.Nodes;
using SupportBot.Bot;
using SupportBot.Host.Channels.Teams.Manifest;

namespace SupportBot.Tests.Channels.Teams.Manifest;

/// <summary>The zip uploaded to Teams, its icons, and the bot's command list.</summary>
public sealed class TeamsAppPackageTests
{
    private static JsonObject Template() => JsonNode.Parse(File.ReadAllText(ManifestFiles.Template))!.AsObject();

    [Fact]
    public void Package_HoldsExactlyTheManifestAndBothIcons_AtTheRoot()
    {
        var package = TeamsAppPackage.Create(ManifestFiles.Folder, ManifestFiles.AppId);

        Assert.Empty(package.Problems);
        using var zip = new ZipArchive(new MemoryStream(package.Zip!), ZipArchiveMode.Read);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(ManifestFiles.Folder, icon)), ReadEntry(zip, icon));
        }

        var manifest = JsonNode.Parse(ReadEntry(zip, "manifest.json"))!;
        Assert.Equal("5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315", manifest["id"]!.GetValue<string>());
        Assert.Equal("5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315", manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestEntry_IsUtf8WithoutByteOrderMark()
    {
        var package = TeamsAppPackage.Create(ManifestFiles.Folder, ManifestFiles.AppId);

        using var zip = new ZipArchive(new MemoryStream(package.Zip!), ZipArchiveMode.Read);
        Assert.Equal((byte)'{', ReadEntry(zip, "manifest.json")[0]);
    }

    [Fact]
    public void Icons_HaveTheSizesAndColoursTeamsRequires()
    {
        var icons = Template()["icons"]!;
        var colourFile = File.ReadAllBytes(Path.Combine(ManifestFiles.Folder, icons["color"]!.GetValue<string>()));
        var outlineFile = File.ReadAllBytes(Path.Combine(ManifestFiles.Folder, icons["outline"]!.GetValue<string>()));
        var colour = PngPixels.Read(colourFile);
        var outline = PngPixels.Read(outlineFile);

        Assert.Equal((192, 192), (colour.Width, colour.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(PngHeader.TryReadSize(colourFile, out var w, out var h) && (w, h) == (192, 192));
        Assert.True(PngHeader.TryReadSize(outlineFile, out w, out h) && (w, h) == (32, 32));

        // Colour: opaque, in more than one colour, and framed in the manifest's accent colour.
        var colourPixels = Enumerable.Range(0, 192 * 192).Select(i => colour[i % 192, i / 192]).ToList();
        Assert.All(colourPixels, p => Assert.Equal(255, p.A));
        Assert.True(colourPixels.Distinct().Count() > 2);
        var accent = Convert.FromHexString(Template()["accentColor"]!.GetValue<string>()[1..]);
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), colour[0, 0]);

        // Outline: white wherever anything is drawn, transparent elsewhere, and both kinds present.
        var outlinePixels = Enumerable.Range(0, 32 * 32).Select(i => outline[i % 32, i / 32]).ToList();
        Assert.All(outlinePixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, outline[0, 0].A);
        Assert.Contains(outlinePixels, p => p.A == 255);
        Assert.True(outlinePixels.Count(p => p.A == 0) > 32 * 32 / 2, "The outline icon should be mostly transparent.");
    }

    [Fact]
    public void PngHeader_RejectsWhatIsNotAPng()
    {
        Assert.False(PngHeader.TryReadSize("{\"not\":\"a png\"}"u8, out _, out _));
        Assert.False(PngHeader.TryReadSize(File.ReadAllBytes(Path.Combine(ManifestFiles.Folder, "color.png")).AsSpan(0, 20), out _, out _));
    }

    [Fact]
    public void Commands_RespectTheTeamsLimits()
    {
        var lists = Template()["bots"]![0]!["commandLists"]!.AsArray();

        Assert.InRange(lists.Count, 1, TeamsAppManifest.MaxCommandLists);
        foreach (var list in lists)
        {
            Assert.Equal(["personal", "team", "groupChat"], list!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
            var commands = list["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 12);
            var titles = commands.Select(c => c!["title"]!.GetValue<string>()).ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(titles, t => Assert.InRange(t.Trim().Length, 1, 32));
            Assert.All(commands, c => Assert.InRange(c!["description"]!.GetValue<string>().Trim().Length, 1, 128));
        }
    }

    [Fact]
    public void Commands_AreWordsTheBotUnderstands()
    {
        var titles = Template()["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToList();

        Assert.Contains("help", titles);
        Assert.Contains("my escalations", titles);
        Assert.All(titles, title => Assert.True(
            AgentCommands.Recognize(title) != AgentCommand.None || LeadCommands.Recognize(title) is not null
            || LeadCommands.Recognize(title + " 42") is not null, // "escalation" is completed with a number
            $"'{title}' is offered in Teams but SupportBot does not recognise it."));
    }

    [Fact]
    public void Validator_AcceptsTheFilledTemplate()
    {
        var manifest = TeamsAppManifest.Fill(File.ReadAllText(ManifestFiles.Template), ManifestFiles.AppId);

        Assert.Empty(TeamsAppManifest.Validate(manifest, ReadFromManifestFolder));
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { """{"id":"{{TEAMS_APP_ID}}"}""", "placeholder {{TEAMS_APP_ID}} was not replaced" },
        { """{"id":"00000000-0000-0000-0000-000000000000"}""", "id: '00000000-0000-0000-0000-000000000000' is not a GUID" },
        { """{"name":{"short":"SupportBot for the whole support floor"}}""", "name.short: must be 1 to 30 characters (has 38)" },
        { """{"name":{"full":"SupportBot"}}""", "name.short: is required" },
        { """{"description":{"short":"Triage.","full":""}}""", "description.full: must be 1 to 4000 characters" },
        { """{"developer":{"name":"SupportBot contributors","websiteUrl":"http://supportbot.example.org/","privacyUrl":"https://supportbot.example.org/privacy","termsOfUseUrl":"https://supportbot.example.org/terms"}}""", "developer.websiteUrl: 'http://supportbot.example.org/' is not an https:// URL" },
        { """{"accentColor":"#2F6FD"}""", "accentColor: must be 7 characters" },
        { """{"icons":{"color":"outline.png","outline":"outline.png"}}""", "icons.color: 'outline.png' is 32x32 pixels; Teams requires 192x192" },
        { """{"icons":{"color":"color.png","outline":"missing.png"}}""", "icons.outline: the file 'missing.png' is missing" },
        { """{"icons":{"color":"images/color.png","outline":"outline.png"}}""", "icons.color: 'images/color.png' must be a file name" },
        { """{"icons":{"color":"manifest.template.json","outline":"outline.png"}}""", "icons.color: 'manifest.template.json' is not a PNG file" },
        { """{"bots":[]}""", "bots: SupportBot is a bot app" },
        { """{"bots":[{"botId":"5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315","scopes":["channel"]}]}""", "bots[0].scopes: 'channel' is not one of" },
        { """{"bots":[{"botId":"5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315","scopes":["personal"],"commandLists":[{"scopes":["personal"],"commands":[{"title":"show every escalation waiting for me"}]}]}]}""", "bots[0].commandLists[0].commands[0].title: must be 1 to 32 characters (has 36)" },
        { """{"bots":[{"botId":"5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315","scopes":["personal"],"commandLists":[{"scopes":["personal"],"commands":[{"title":"help","description":"x"},{"title":"Help"}]}]}]}""", "bots[0].commandLists[0].commands[1].title: 'Help' appears twice" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Validator_NamesWhatIsWrong(string replacement, string expected)
    {
        var manifest = JsonNode.Parse(TeamsAppManifest.Fill(File.ReadAllText(ManifestFiles.Template), ManifestFiles.AppId))!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(replacement)!.AsObject())
        {
            manifest[key] = value?.DeepClone();
        }

        var problems = TeamsAppManifest.Validate(manifest.ToJsonString(), ReadFromManifestFolder);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_ChecksTheLongDescriptionOfACommand()
    {
        var manifest = JsonNode.Parse(TeamsAppManifest.Fill(File.ReadAllText(ManifestFiles.Template), ManifestFiles.AppId))!;
        manifest["bots"]![0]!["commandLists"]![0]!["commands"]![0]!["description"] = new string('x', 129);

        var problems = TeamsAppManifest.Validate(manifest.ToJsonString(), ReadFromManifestFolder);

        Assert.Equal(["bots[0].commandLists[0].commands[0].description: must be at most 128 characters (has 129)"], problems);
    }

    private static byte[]? ReadFromManifestFolder(string name)
    {
        var path = Path.Combine(ManifestFiles.Folder, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
