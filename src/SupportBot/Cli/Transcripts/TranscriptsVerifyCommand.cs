using System.CommandLine;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary><c>verify DIR</c> (being written).</summary>
internal static class TranscriptsVerifyCommand
{
    public static void AddTo(Command transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
    }
}
