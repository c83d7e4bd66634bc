namespace SupportBot.Host.Hosting;

/// <summary>
/// Resolves the relative paths of playbooks and seeds: first against the working directory (the
/// repository when run with <c>dotnet run</c>), then against the program's folder, where a build
/// places copies so the published binary runs from anywhere.
/// </summary>
internal static class ContentPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var fromWorkingDirectory = Path.GetFullPath(path);
        if (Path.Exists(fromWorkingDirectory))
        {
            return fromWorkingDirectory;
        }

        var fromProgram = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        return Path.Exists(fromProgram) ? fromProgram : fromWorkingDirectory;
    }
}
