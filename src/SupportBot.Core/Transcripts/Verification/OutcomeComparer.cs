using System.Globalization;

namespace SupportBot.Transcripts.Verification;

/// <summary>
/// Compares how the recorded case ended with how the replayed one did: playbook, status, outcome,
/// escalation and disposition (suggested and chosen; the suggestion's confidence is shown in the
/// disposition prompt, so a change there is already a reply difference). When the replay diverged before
/// the last turn, where the dialog finally stood and what it had collected are compared too.
/// </summary>
internal static class OutcomeComparer
{
    public static void Compare(
        TranscriptCase expected,
        TranscriptCase? actual,
        (TurnSnapshot Expected, TurnSnapshot? Actual)? finalPosition,
        List<TranscriptDifference> differences)
    {
        void Add(string subject, string? e, string? a)
        {
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                differences.Add(new TranscriptDifference(DifferenceKind.Outcome, null, null, subject, e, a));
            }
        }

        if (actual is null)
        {
            Add("case", Status(expected.Status), null);
        }
        else
        {
            Add("playbook", expected.PlaybookId, actual.PlaybookId);
            Add("status", Status(expected.Status), Status(actual.Status));
            Add("id", expected.OutcomeId, actual.OutcomeId);
            Add("escalated", YesNo(expected.Escalated), YesNo(actual.Escalated));
            Add("suggested disposition", expected.Disposition?.Suggested, actual.Disposition?.Suggested);
            Add("chosen disposition", expected.Disposition?.Chosen, actual.Disposition?.Chosen);
        }

        if (finalPosition is ({ } recorded, var replayed))
        {
            Add("final step", TurnComparer.Position(recorded), replayed is null ? null : TurnComparer.Position(replayed));
            if (replayed is not null)
            {
                foreach (var (field, e, a) in TurnComparer.FieldDifferences(recorded.Fields, replayed.Fields))
                {
                    Add("final field " + field, e, a);
                }
            }
        }
    }

    private static string Status(CaseStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";
}
