using System.Globalization;
using System.Text.Json;
using SupportBot.Recognition.Evaluation;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot nlu test FILE.jsonl [--json] [--report DIR]</c>: scores intent recognition on a labelled set.</summary>
internal static class NluCommand
{
    public static int Run(string file, bool json, string? reportFolder, string[] configurationArgs, TextWriter output, TextWriter error)
    {
        IReadOnlyList<LabelledUtterance> utterances;
        OfflineContent content;
        try
        {
            utterances = LabelledUtterance.ReadJsonLines(file);
            content = OfflineContent.Load(configurationArgs);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or Playbooks.PlaybookValidationException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }

        using var progress = new TerminalProgress("Evaluating", utterances.Count, error);
        var report = NluEvaluator.Evaluate(utterances, content.Decide, progress);
        progress.Done();

        if (reportFolder is not null)
        {
            Directory.CreateDirectory(reportFolder);
            var path = Path.Combine(reportFolder, "index.html");
            File.WriteAllText(path, NluHtmlReport.Render(report, Path.GetFileName(file)));
            error.WriteLine($"Report written to {Path.GetFullPath(path)}");
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                file,
                total = report.Total,
                correct = report.Correct,
                accuracy = Math.Round(report.Accuracy, 4),
                medianDecisionMs = Math.Round(report.MedianDecisionTime.TotalMilliseconds, 4),
                perIntent = report.PerIntent.Select(m => new { intent = m.Intent, support = m.Support, precision = Math.Round(m.Precision, 4), recall = Math.Round(m.Recall, 4), f1 = Math.Round(m.F1, 4) }),
                confusions = report.Confusions.Select(c => new { expected = c.Expected, predicted = c.Predicted, count = c.Count }),
                misclassified = report.Misclassified.Select(p => new { line = p.Utterance.Line, text = p.Utterance.Text, expected = p.Utterance.Intent, predicted = p.Predicted, confidence = p.Confidence }),
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        WriteText(report, output);
        return 0;
    }

    private static void WriteText(NluReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "accuracy {0:P1} ({1} of {2}); median decision {3:F3} ms", report.Accuracy, report.Correct, report.Total, report.MedianDecisionTime.TotalMilliseconds));
        output.WriteLine();
        output.WriteLine(string.Format(c, "{0,-26} {1,7} {2,9} {3,7} {4,6}", "intent", "support", "precision", "recall", "f1"));
        foreach (var m in report.PerIntent)
        {
            output.WriteLine(string.Format(c, "{0,-26} {1,7} {2,9:F2} {3,7:F2} {4,6:F2}", m.Intent, m.Support, m.Precision, m.Recall, m.F1));
        }

        if (report.Confusions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("confusions (expected -> predicted: count)");
            foreach (var confusion in report.Confusions)
            {
                output.WriteLine($"  {confusion.Expected} -> {confusion.Predicted}: {confusion.Count}");
            }
        }
    }
}
