using System.Globalization;
using System.Text;
using SupportBot.Transcripts;

namespace SupportBot.Host.Cli.Reports;

/// <summary>The readable form of a <see cref="DispositionReport"/>: one table per suggestion, one per confidence band.</summary>
internal static class DispositionReportText
{
    public static string Render(DispositionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Cases == 0)
        {
            return "No completed case had a disposition suggestion yet.\n";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Cases} completed cases with a suggested disposition; the agent took the suggestion in {report.Taken} ({Percent(Rate(report.Taken, report.Cases))}).\n\n");

        var rows = new TextTable("SUGGESTED DISPOSITION", "SUGGESTED", "TAKEN", "TAKEN RATE", "SKIPPED", "MEAN CONFIDENCE WHEN REPLACED", "TOP CHOSEN INSTEAD")
            .AlignRight(1, 2, 3, 4, 5);
        foreach (var row in report.Rows)
        {
            var top = row.ChosenInstead.FirstOrDefault();
            rows.Add(
                row.Disposition,
                Count(row.Suggested),
                Count(row.Taken),
                Percent(row.TakenRate),
                Count(row.Skipped),
                row.MeanConfidenceWhenReplaced is { } mean ? mean.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                top is null ? "-" : $"{top.Disposition} ({Count(top.Count)})");
        }

        text.Append(rows).Append('\n');

        var bands = new TextTable("CONFIDENCE", "SUGGESTED", "TAKEN", "TAKEN RATE").AlignRight(1, 2, 3);
        foreach (var band in report.Bands)
        {
            bands.Add(
                $"{band.From.ToString("0.00", CultureInfo.InvariantCulture)}-{band.To.ToString("0.00", CultureInfo.InvariantCulture)}",
                Count(band.Suggested),
                Count(band.Taken),
                band.Suggested == 0 ? "-" : Percent(band.TakenRate));
        }

        return text.Append(bands).ToString();
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Percent(double rate) => rate.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
