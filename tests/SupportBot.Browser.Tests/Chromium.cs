namespace SupportBot.Browser.Tests;

/// <summary>
/// The machine's own Chromium (Debian's <c>chromium</c> package), which Playwright drives; nothing is
/// downloaded. <c>SUPPORTBOT_CHROMIUM</c> points elsewhere; <c>SUPPORTBOT_REQUIRE_BROWSER=1</c> turns a
/// missing browser from a skip into a failure, so CI cannot pass without running these tests.
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "SUPPORTBOT_CHROMIUM";
    public const string RequireVariable = "SUPPORTBOT_REQUIRE_BROWSER";
    public const string DefaultPath = "/usr/bin/chromium";

    public static string ConfiguredPath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>The browser to launch, or null when there is none at the configured path.</summary>
    public static string? ExecutablePath => File.Exists(ConfiguredPath) ? ConfiguredPath : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string MissingReason =>
        $"No Chromium at {ConfiguredPath}: install it (apt-get install -y chromium) or set {PathVariable}. " +
        $"Set {RequireVariable}=1 to make this a failure instead of a skip.";
}
