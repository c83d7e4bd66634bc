using SupportBot.Activities;

namespace SupportBot.Transcripts.Verification;

/// <summary>What one replayed turn produced, as the fresh bot's transcript middleware recorded it.</summary>
/// <param name="Snapshot">Where the dialog stood after the turn; null when nothing was recorded (a failed or dropped turn).</param>
/// <param name="CaseId">The fresh bot's case the turn was recorded in; 0 for none.</param>
internal sealed record ReplayedTurn(IReadOnlyList<Activity> Replies, TurnSnapshot? Snapshot, long CaseId);
