using SupportBot.Transcripts.Files;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>A transcript file to verify, and the name it is reported under (the path as the user would type it).</summary>
internal sealed record TranscriptInput(string FullPath, string DisplayName);

/// <summary>The transcripts a path names: the file itself, or every <c>.transcript</c> file under the folder, in name order.</summary>
internal static class TranscriptInputs
{
    public static (IReadOnlyList<TranscriptInput> Files, string? Problem) Find(string path)
    {
        if (File.Exists(path))
        {
            return ([new TranscriptInput(Path.GetFullPath(path), path)], null);
        }

        if (!Directory.Exists(path))
        {
            return ([], $"{path}: no such file or folder.");
        }

        List<TranscriptInput> files;
        try
        {
            files = Directory.EnumerateFiles(path, "*" + BotFrameworkTranscript.Extension, SearchOption.AllDirectories)
                .Select(f => new TranscriptInput(Path.GetFullPath(f), Path.Combine(path, Path.GetRelativePath(path, f))))
                .OrderBy(f => f.DisplayName, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ([], $"{path}: cannot list the folder: {ex.Message}");
        }

        // An empty folder would pass without checking anything; in CI that hides a wrong path.
        return files.Count == 0 ? ([], $"{path}: no {BotFrameworkTranscript.Extension} files in this folder.") : (files, null);
    }
}
