namespace SupportBot.Tests;

/// <summary>Finds the repository's own folders from wherever the tests run (shared by every test project).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string Knowledge => Path.Combine(Root, "seeds", "knowledge.yaml");

    public static string Dispositions => Path.Combine(Root, "seeds", "dispositions.yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find SupportBot.sln above " + AppContext.BaseDirectory);
    }
}
