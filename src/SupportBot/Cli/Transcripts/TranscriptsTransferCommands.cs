using System.CommandLine;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary><c>list</c>, <c>export</c>, <c>import</c> and <c>delete</c> (being written).</summary>
internal static class TranscriptsTransferCommands
{
    public static void AddTo(Command transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
    }
}
