using System.CommandLine;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary><c>supportbot transcripts ...</c>: list, export, import and verify recorded cases.</summary>
internal static class TranscriptsCommand
{
    public static Command Build()
    {
        var transcripts = new Command("transcripts", "List, export, import and verify recorded transcripts (cases).");
        TranscriptsTransferCommands.AddTo(transcripts);
        TranscriptsVerifyCommand.AddTo(transcripts);
        return transcripts;
    }
}
