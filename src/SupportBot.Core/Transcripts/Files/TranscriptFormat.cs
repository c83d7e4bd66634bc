namespace SupportBot.Transcripts.Files;

/// <summary>The file formats a case can be exported to.</summary>
public enum TranscriptFormat
{
    /// <summary>The Bot Framework <c>.transcript</c> file (<see cref="BotFrameworkTranscript"/>): re-importable, opens in the Emulator.</summary>
    Transcript,

    /// <summary>A Markdown page for people (<see cref="MarkdownTranscript"/>).</summary>
    Markdown,
}

/// <summary>Rendering a case in a <see cref="TranscriptFormat"/>, with the names and media types that go with it.</summary>
public static class TranscriptExport
{
    /// <summary>How the formats are written on the command line and in <c>?format=</c>.</summary>
    public const string FormatNames = "transcript, markdown";

    /// <summary>Accepts <c>transcript</c> or <c>markdown</c> in any case; nothing else (not numbers).</summary>
    public static bool TryParseFormat(string? value, out TranscriptFormat format)
    {
        format = default;
        var name = value?.Trim();
        return !string.IsNullOrEmpty(name) && name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out format);
    }

    public static string Render(TranscriptFormat format, TranscriptCase transcriptCase, IReadOnlyList<Storage.TranscriptEntry> entries) => format switch
    {
        TranscriptFormat.Markdown => MarkdownTranscript.Write(transcriptCase, entries),
        _ => BotFrameworkTranscript.Write(transcriptCase, entries),
    };

    public static string MediaType(TranscriptFormat format) =>
        format == TranscriptFormat.Markdown ? "text/markdown; charset=utf-8" : "application/json; charset=utf-8";

    /// <summary>A file name for the exported case, e.g. <c>case-12.transcript</c>.</summary>
    public static string FileName(long caseId, TranscriptFormat format) =>
        $"case-{caseId}" + (format == TranscriptFormat.Markdown ? ".md" : BotFrameworkTranscript.Extension);
}
