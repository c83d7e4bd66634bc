using System.CommandLine;
using SupportBot.Host.Channels.Teams.Manifest;
using SupportBot.Host.Hosting;

namespace SupportBot.Host.Cli.Teams;

/// <summary>
/// <c>supportbot teams package [--app-id GUID] [--output FILE] [--manifest-folder DIR]</c>: writes the zip
/// to upload to Microsoft Teams, with the app id from the option or from <c>Teams:AppId</c>.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string DefaultOutput = "supportbot-teams.zip";

    /// <summary>The <c>teams</c> command and its <c>package</c> subcommand, ready to add to the root command.</summary>
    public static Command Build()
    {
        var appId = new Option<string?>("--app-id")
        {
            Description = "The bot's Microsoft Entra application (client) id, a GUID (default: the Teams:AppId setting).",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The zip to write; an existing folder gets " + DefaultOutput + " inside it.",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var folder = new Option<string?>("--manifest-folder")
        {
            Description = "The folder holding manifest.template.json and the icons (default: " + TeamsAppManifest.DefaultFolder + " in the working directory, then beside the program).",
        };
        var package = new Command("package", "Write the Teams app package (manifest.json, color.png, outline.png) to upload in Teams.") { appId, output, folder };
        package.TreatUnmatchedTokensAsErrors = false;
        package.SetAction(parse => Run(
            parse.GetValue(appId),
            parse.GetValue(output)!,
            parse.GetValue(folder),
            LoadConfiguration([.. parse.UnmatchedTokens]),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));

        var teams = new Command("teams", "Microsoft Teams: build the app package.");
        teams.Subcommands.Add(package);
        return teams;
    }

    /// <summary>The same sources as the host: appsettings.json beside the program, environment variables, the command line.</summary>
    public static IConfiguration LoadConfiguration(string[] configurationArgs) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configurationArgs)
            .Build();

    public static int Run(string? appIdOption, string output, string? manifestFolder, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        if (!TryResolveAppId(appIdOption, configuration, out var appId, out var problem))
        {
            stderr.WriteLine(problem);
            return 1;
        }

        var requested = manifestFolder ?? TeamsAppManifest.DefaultFolder;
        var folder = ContentPaths.Resolve(requested);
        if (!File.Exists(Path.Combine(folder, TeamsAppManifest.TemplateFileName)))
        {
            var looked = Path.IsPathRooted(requested)
                ? [requested]
                : new[] { Path.GetFullPath(requested), Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, requested)) }.Distinct(StringComparer.Ordinal);
            stderr.WriteLine($"Teams manifest template not found: {string.Join(" or ", looked.Select(f => Path.Combine(f, TeamsAppManifest.TemplateFileName)))}. "
                             + $"Run from the repository root, or pass --manifest-folder DIR (the folder holding {TeamsAppManifest.TemplateFileName}, color.png and outline.png).");
            return 1;
        }

        TeamsAppPackage package;
        try
        {
            package = TeamsAppPackage.Create(folder, appId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Could not read the Teams manifest in {folder}: {ex.Message}");
            return 1;
        }

        if (package.Zip is null)
        {
            stderr.WriteLine($"The Teams manifest in {folder} has {package.Problems.Count} problem(s); no package written:");
            foreach (var line in package.Problems)
            {
                stderr.WriteLine("  " + line);
            }

            return 1;
        }

        var target = Path.GetFullPath(Directory.Exists(output) ? Path.Combine(output, DefaultOutput) : output);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, package.Zip);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Could not write {target}: {ex.Message}");
            return 1;
        }

        stdout.WriteLine($"Wrote {target} for app id {appId:D}.");
        stdout.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app.");
        return 0;
    }

    private static bool TryResolveAppId(string? option, IConfiguration configuration, out Guid appId, out string problem)
    {
        var (value, source) = option is not null
            ? (option, "--app-id")
            : (configuration[$"{TeamsOptions.SectionName}:{nameof(TeamsOptions.AppId)}"], "Teams:AppId");
        if (string.IsNullOrWhiteSpace(value))
        {
            appId = Guid.Empty;
            problem = option is not null
                ? "--app-id is empty. Pass the bot's Microsoft Entra application (client) id, a GUID."
                : "No Teams app id: pass --app-id GUID, or set Teams:AppId (appsettings.json beside the program, "
                  + "the environment variable Teams__AppId, or --Teams:AppId GUID). It is the Microsoft Entra "
                  + "application (client) id of the bot's registration.";
            return false;
        }

        if (!TeamsAppManifest.TryParseAppId(value, out appId))
        {
            problem = $"{source} '{value}' is not a valid app id: expected a GUID such as 8f2c4e1a-3b5d-4c6e-9f70-1a2b3c4d5e6f "
                      + "(the bot's Microsoft Entra application (client) id; not all zeros).";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
