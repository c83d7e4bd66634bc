namespace SupportBot.Transcripts.Verification;

/// <summary>The result of replaying one recorded transcript.</summary>
/// <param name="Turns">Turns in the recording.</param>
/// <param name="Replayed">Turns whose inbound activity was sent to the fresh bot.</param>
/// <param name="DivergedAtTurn">
/// The first turn after which the dialog stood somewhere else than in the recording. Later turns are still
/// replayed (so the outcome can be compared) but their replies are not compared: they answer different
/// questions, and listing them would bury the one change that matters.
/// </param>
public sealed record TranscriptVerification(int Turns, int Replayed, int? DivergedAtTurn, IReadOnlyList<TranscriptDifference> Differences)
{
    public bool Same => Differences.Count == 0;
}
