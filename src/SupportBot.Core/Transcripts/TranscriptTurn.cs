using SupportBot.Activities;
using SupportBot.Storage;

namespace SupportBot.Transcripts;

/// <summary>
/// One turn of a recorded case: what arrived (the agent's message, or an event), what SupportBot
/// replied, and where the dialog stood afterwards. Replay, export and verification all walk these.
/// </summary>
public sealed record TranscriptTurn(int Number, TranscriptEntry Inbound, IReadOnlyList<TranscriptEntry> Replies)
{
    public TurnSnapshot? Snapshot => Inbound.Snapshot;

    /// <summary>Groups entries in recorded order: each inbound entry with the outbound ones after it.</summary>
    /// <remarks>Outbound entries before any inbound one (a proactive notice) become a turn without an inbound message.</remarks>
    public static IReadOnlyList<TranscriptTurn> Group(IReadOnlyList<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var turns = new List<TranscriptTurn>();
        TranscriptEntry? inbound = null;
        var replies = new List<TranscriptEntry>();
        foreach (var entry in entries)
        {
            if (entry.Direction == TranscriptDirection.Inbound)
            {
                Flush();
                inbound = entry;
            }
            else
            {
                if (inbound is null)
                {
                    // A reply with nothing before it: keep it as its own turn rather than lose it.
                    inbound = entry with { Direction = TranscriptDirection.Inbound, Activity = new Activity { Type = ActivityTypes.Event, Name = "proactive" } };
                }

                replies.Add(entry);
            }
        }

        Flush();
        return turns;

        void Flush()
        {
            if (inbound is not null)
            {
                turns.Add(new TranscriptTurn(turns.Count + 1, inbound, replies.ToList()));
            }

            inbound = null;
            replies.Clear();
        }
    }
}
