namespace SupportBot.Tests.Cli;

/// <summary>A temporary folder for one test (a playbooks copy to edit, transcripts to break), removed afterwards.</summary>
internal sealed class TranscriptsVerifyFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "supportbot-verify-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>A copy of the repository's playbooks in this folder, with one text replaced in one file.</summary>
    public string DialogsWith(string file, string from, string to)
    {
        var dialogs = Directory.CreateDirectory(System.IO.Path.Combine(Path, "dialogs")).FullName;
        foreach (var source in Directory.EnumerateFiles(RepositoryPaths.Dialogs))
        {
            File.Copy(source, System.IO.Path.Combine(dialogs, System.IO.Path.GetFileName(source)));
        }

        var edited = System.IO.Path.Combine(dialogs, file);
        var text = File.ReadAllText(edited);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(edited, text.Replace(from, to, StringComparison.Ordinal));
        return dialogs;
    }

    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Something still holds a file; the OS cleans temp later.
        }
    }
}
