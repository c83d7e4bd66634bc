namespace SupportBot.Tests.Channels.Teams.Manifest;

/// <summary>The Teams manifest folder of the repository, and the official schema kept in shared/ beside it.</summary>
internal static class ManifestFiles
{
    /// <summary>An app id used only by these tests.</summary>
    public static readonly Guid AppId = Guid.Parse("5b0d7c1e-9a2f-4e63-8d41-c7f2a9e0b315");

    public static string Folder => Path.Combine(RepositoryPaths.Root, "manifest", "teams");

    public static string Template => Path.Combine(Folder, "manifest.template.json");

    /// <summary>
    /// <c>&lt;repository root&gt;/../shared/specs/teams-schemas/MicrosoftTeams.schema.v1.29.json</c>: developers
    /// and CI both have shared/ beside the clone. Fails the test, naming the path, when it is not there.
    /// </summary>
    public static string Schema
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "specs", "teams-schemas", "MicrosoftTeams.schema.v1.29.json"));
            Assert.True(File.Exists(path),
                $"The Teams manifest schema was not found at {path}. These tests expect the project's shared/ folder beside the repository clone (shared/specs/teams-schemas/).");
            return path;
        }
    }
}
