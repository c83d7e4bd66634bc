using System.Text.Json.Nodes;
using NJsonSchema;
using SupportBot.Host.Channels.Teams.Manifest;

namespace SupportBot.Tests.Channels.Teams.Manifest;

/// <summary>
/// The filled manifest against Microsoft's own Teams manifest schema (v1.29, draft-04), with NJsonSchema.
/// The mutated manifests show the validator really applies the schema's rules.
/// </summary>
public sealed class TeamsManifestSchemaTests
{
    private static readonly Lazy<Task<JsonSchema>> TeamsSchema = new(() => JsonSchema.FromFileAsync(ManifestFiles.Schema));

    private static string FilledManifest() => TeamsAppManifest.Fill(File.ReadAllText(ManifestFiles.Template), ManifestFiles.AppId);

    private static async Task<string[]> SchemaErrors(string manifestJson)
    {
        var schema = await TeamsSchema.Value;
        return [.. schema.Validate(manifestJson).Select(e => e.ToString())];
    }

    [Fact]
    public async Task FilledTemplate_ValidatesAgainstTheTeamsSchema()
    {
        var errors = await SchemaErrors(FilledManifest());

        Assert.True(errors.Length == 0, "Schema errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Template_TargetsTheSchemaVersionKeptInShared()
    {
        // NJsonSchema reads the schema as draft-04, which has no "const": the version is compared here instead.
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(ManifestFiles.Schema))!;
        var manifest = JsonNode.Parse(FilledManifest())!;

        var version = schema["properties"]!["manifestVersion"]!["const"]!.GetValue<string>();
        Assert.Equal("1.29", version);
        Assert.Equal(version, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnfilledTemplate_FailsTheSchema_BecauseThePlaceholderIsNotAGuid()
    {
        var errors = await SchemaErrors(await File.ReadAllTextAsync(ManifestFiles.Template));

        Assert.Contains(errors, e => e.Contains("#/id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("botId", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "short name over 30 characters", """{"name":{"short":"SupportBot for the whole support floor"}}""" },
        { "unknown top-level property", """{"colour":"#2F6FDB"}""" },
        { "accent colour not #RRGGBB", """{"accentColor":"blue"}""" },
        { "developer URL not http(s)", """{"developer":{"name":"SupportBot contributors","websiteUrl":"ftp://supportbot.example.org/","privacyUrl":"https://supportbot.example.org/privacy","termsOfUseUrl":"https://supportbot.example.org/terms"}}""" },
        { "developer without privacy URL", """{"developer":{"name":"SupportBot contributors","websiteUrl":"https://supportbot.example.org/","termsOfUseUrl":"https://supportbot.example.org/terms"}}""" },
        { "short description over 80 characters", """{"description":{"short":"This short description goes on and on well past the eighty characters Teams allows.","full":"x"}}""" },
        { "app id not a GUID", """{"id":"supportbot"}""" },
        { "unknown bot scope", """{"bots":[{"botId":"5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315","scopes":["channel"]}]}""" },
        { "two bots", """{"bots":[{"botId":"5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315","scopes":["personal"]},{"botId":"5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b316","scopes":["team"]}]}""" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task BrokenManifest_FailsTheSchema(string breakage, string replacement)
    {
        var manifest = JsonNode.Parse(FilledManifest())!.AsObject();
        foreach (var (key, value) in JsonNode.Parse(replacement)!.AsObject())
        {
            manifest[key] = value?.DeepClone();
        }

        var errors = await SchemaErrors(manifest.ToJsonString());

        Assert.True(errors.Length > 0, $"The schema accepted a manifest with {breakage}.");
    }
}
