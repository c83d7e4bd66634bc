namespace SupportBot.Tests.Cli;

/// <summary>Runs only when <c>SUPPORTBOT_RECORD_TRANSCRIPTS=1</c>: regenerating overwrites committed files.</summary>
internal sealed class TranscriptsVerifyRecordFactAttribute : FactAttribute
{
    public const string Variable = "SUPPORTBOT_RECORD_TRANSCRIPTS";

    public TranscriptsVerifyRecordFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Regenerates tests/transcripts; set {Variable}=1 to run it.";
        }
    }
}
