using System.Globalization;
using System.Net;
using System.Text;
using SupportBot.Recognition.Evaluation;

namespace SupportBot.Host.Cli;

/// <summary>A self-contained HTML page a trainer opens in a browser: heat-map confusion matrix, per-intent bars, misclassified lines.</summary>
internal static class NluHtmlReport
{
    public static string Render(NluReport report, string source)
    {
        var c = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>SupportBot NLU report</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #1d232c; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
            .summary { font-size: 1.1rem; }
            table { border-collapse: collapse; }
            .matrix td, .matrix th { border: 1px solid #dde3ea; padding: 2px 5px; text-align: center; min-width: 1.6rem; }
            .matrix th.row { text-align: right; white-space: nowrap; }
            .matrix th.col { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; height: 11rem; vertical-align: bottom; }
            .bars td { padding: 3px 8px; }
            .bar { display: inline-block; height: .8rem; background: #2457a6; vertical-align: middle; }
            .bar.recall { background: #3c9a5f; } .bar.f1 { background: #c07a12; }
            .missed td, .missed th { border-bottom: 1px solid #dde3ea; padding: 4px 8px; text-align: left; vertical-align: top; }
            .legend span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 1rem; vertical-align: middle; }
            </style></head><body>
            """);
        html.Append(c, $"<h1>SupportBot NLU report</h1><p class=\"summary\">{Encode(source)}: accuracy <strong>{report.Accuracy:P1}</strong> ({report.Correct} of {report.Total} utterances); median decision time {report.MedianDecisionTime.TotalMilliseconds:F3} ms.</p>");

        html.Append("<h2>Confusion matrix</h2><p>Rows are the labelled intent, columns the prediction; darker cells hold more utterances. The diagonal is correct.</p><table class=\"matrix\"><tr><th></th>");
        foreach (var label in report.Labels)
        {
            html.Append("<th class=\"col\">").Append(Encode(label)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var expected in report.Labels)
        {
            var rowTotal = Math.Max(1, report.Predictions.Count(p => p.Utterance.Intent == expected));
            html.Append("<tr><th class=\"row\">").Append(Encode(expected)).Append("</th>");
            foreach (var predicted in report.Labels)
            {
                var count = report.Count(expected, predicted);
                var share = (double)count / rowTotal;
                var colour = expected == predicted ? "36,87,166" : "192,57,43";
                var ink = share > 0.5 ? "#fff" : "#1d232c";
                html.Append(c, $"<td style=\"background: rgba({colour},{share:F2}); color: {ink}\" title=\"{Encode(expected)} → {Encode(predicted)}: {count}\">{(count == 0 ? "" : count.ToString(c))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");

        html.Append("<h2>Per intent</h2><p class=\"legend\"><span class=\"bar\"></span>precision<span class=\"bar recall\"></span>recall<span class=\"bar f1\"></span>F1</p><table class=\"bars\"><tr><th>intent</th><th>support</th><th>scores</th></tr>");
        foreach (var m in report.PerIntent)
        {
            html.Append(c, $"<tr><td>{Encode(m.Intent)}</td><td>{m.Support}</td><td>");
            html.Append(c, $"<span class=\"bar\" style=\"width:{m.Precision * 200:F0}px\" title=\"precision {m.Precision:F2}\"></span> {m.Precision:F2}<br>");
            html.Append(c, $"<span class=\"bar recall\" style=\"width:{m.Recall * 200:F0}px\" title=\"recall {m.Recall:F2}\"></span> {m.Recall:F2}<br>");
            html.Append(c, $"<span class=\"bar f1\" style=\"width:{m.F1 * 200:F0}px\" title=\"F1 {m.F1:F2}\"></span> {m.F1:F2}</td></tr>");
        }

        html.Append("</table>");

        html.Append("<h2>Misclassified</h2>");
        var missed = report.Misclassified.ToList();
        if (missed.Count == 0)
        {
            html.Append("<p>None.</p>");
        }
        else
        {
            html.Append("<table class=\"missed\"><tr><th>line</th><th>text</th><th>expected</th><th>predicted</th><th>confidence</th></tr>");
            foreach (var p in missed)
            {
                html.Append(c, $"<tr><td>{p.Utterance.Line}</td><td>{Encode(p.Utterance.Text)}</td><td>{Encode(p.Utterance.Intent)}</td><td>{Encode(p.Predicted)}</td><td>{p.Confidence:F2}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
