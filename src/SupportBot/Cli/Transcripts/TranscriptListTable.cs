using System.Globalization;
using SupportBot.Host.Cli.Reports;
using SupportBot.Host.Endpoints;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>The readable table of <c>transcripts list</c>.</summary>
internal static class TranscriptListTable
{
    public static string Render(IReadOnlyList<TranscriptSummaryView> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            return "No cases match.\n";
        }

        var table = new TextTable("ID", "STARTED (UTC)", "PLAYBOOK", "AGENT", "TURNS", "ESCALATED", "STATUS", "OUTCOME").AlignRight(0, 4);
        foreach (var c in cases)
        {
            table.Add(
                c.Id.ToString(CultureInfo.InvariantCulture),
                c.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                c.Playbook ?? "-",
                c.AgentName is null ? c.Agent ?? "-" : $"{c.AgentName} ({c.Agent})",
                c.Turns.ToString(CultureInfo.InvariantCulture),
                c.Escalated ? "yes" : "no",
                c.Status + (c.Imported ? " (imported)" : ""),
                c.Outcome ?? "-");
        }

        return table.ToString();
    }
}
