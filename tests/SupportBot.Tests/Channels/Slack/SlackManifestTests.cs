using System.Text.Json.Nodes;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackManifestTests
{
    private const string Host = "https://supportbot.example.org";

    private static string PathOf(string file) => Path.Combine(RepositoryPaths.Root, "manifest", "slack", file);

    private static JsonObject Read(string file) => JsonNode.Parse(File.ReadAllText(PathOf(file)))!.AsObject();

    [Theory]
    [InlineData("manifest.http.json")]
    [InlineData("manifest.socket-mode.json")]
    public void The_manifest_is_valid_against_the_official_schema(string file) =>
        Assert.Empty(SlackSchemas.ManifestErrors(File.ReadAllText(PathOf(file))));

    [Theory]
    [InlineData("manifest.http.json")]
    [InlineData("manifest.socket-mode.json")]
    public void The_manifest_subscribes_to_mentions_dms_and_thread_replies_with_the_scopes_and_commands_supportbot_uses(string file)
    {
        var manifest = Read(file);
        var events = manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.Equal(new[] { "app_mention", "message.im", "message.channels", "message.groups" }, events);

        var scopes = manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).ToHashSet();
        foreach (var needed in new[] { "chat:write", "im:history", "app_mentions:read", "commands", "users:read", "im:write", "channels:history", "groups:history" })
        {
            Assert.Contains(needed, scopes);
        }

        var commands = manifest["features"]!["slash_commands"]!.AsArray();
        Assert.Equal(new[] { "/triage", "/escalations", "/supportbot" }, commands.Select(c => c!["command"]!.GetValue<string>()));
        Assert.All(commands, c => Assert.True(c!["should_escape"]!.GetValue<bool>()));
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.True(manifest["features"]!["app_home"]!["messages_tab_enabled"]!.GetValue<bool>());
        Assert.False(manifest["features"]!["app_home"]!["messages_tab_read_only_enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void The_http_manifest_points_at_the_three_endpoints()
    {
        var manifest = Read("manifest.http.json");
        Assert.False(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.Equal(Host + "/slack/events", manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>());
        Assert.Equal(Host + "/slack/interactions", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        Assert.All(manifest["features"]!["slash_commands"]!.AsArray(), c => Assert.Equal(Host + "/slack/commands", c!["url"]!.GetValue<string>()));
    }

    [Fact]
    public void The_socket_mode_manifest_has_no_request_urls_and_otherwise_matches_the_http_one()
    {
        var socket = Read("manifest.socket-mode.json");
        Assert.True(socket["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.DoesNotContain("\"url\"", socket.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("request_url", socket.ToJsonString(), StringComparison.Ordinal);

        var http = Read("manifest.http.json");
        http["settings"]!["socket_mode_enabled"] = true;
        http["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
        http["settings"]!["interactivity"]!.AsObject().Remove("request_url");
        foreach (var command in http["features"]!["slash_commands"]!.AsArray())
        {
            command!.AsObject().Remove("url");
        }

        Assert.True(JsonNode.DeepEquals(http, socket), "The two manifests should differ only in Socket Mode and the request URLs.");
    }

    [Fact]
    public void The_schema_catches_broken_manifests()
    {
        var noInteractivityFlag = Read("manifest.http.json");
        noInteractivityFlag["settings"]!["interactivity"]!.AsObject().Remove("is_enabled");
        Assert.NotEmpty(SlackSchemas.ManifestErrors(noInteractivityFlag.ToJsonString()));

        var commandWithoutSlash = Read("manifest.http.json");
        commandWithoutSlash["features"]!["slash_commands"]![0]!["command"] = "triage";
        Assert.NotEmpty(SlackSchemas.ManifestErrors(commandWithoutSlash.ToJsonString()));

        var typo = Read("manifest.http.json");
        typo["settings"]!["socket_mode"] = true;
        Assert.NotEmpty(SlackSchemas.ManifestErrors(typo.ToJsonString()));
    }
}
