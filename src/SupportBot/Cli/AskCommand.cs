using System.Text.Json;
using SupportBot.Knowledge;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot ask ["question"] [--json]</c>: answers from the knowledge seeds and names the entries used.
/// With no question it answers one question per line of standard input.
/// </summary>
internal static class AskCommand
{
    public static int Run(string? question, bool json, string[] configurationArgs, TextReader input, TextWriter output, TextWriter error)
    {
        OfflineContent content;
        try
        {
            content = OfflineContent.Load(configurationArgs);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or Playbooks.PlaybookValidationException)
        {
            error.WriteLine(ex.Message);
            return 1;
        }

        if (question is not null)
        {
            Answer(content, question, json, output);
            return 0;
        }

        while (input.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Answer(content, line.Trim(), json, output);
            }
        }

        return 0;
    }

    private static void Answer(OfflineContent content, string question, bool json, TextWriter output)
    {
        var results = content.Knowledge.Search(question, 3);
        var best = results.FirstOrDefault(r => r.Confidence >= content.Triage.AnswerThreshold);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                question,
                answered = best is not null,
                answer = best?.Entry.Answer,
                entries = results.Select(r => new { id = r.Entry.Id, question = r.Entry.Question, confidence = r.Confidence, score = r.Score, source = r.Entry.Source }),
            }));
            return;
        }

        output.WriteLine("Q: " + question);
        output.WriteLine(best is null
            ? "A: I don't know that one. Nothing in the knowledge base answers it well enough."
            : "A: " + best.Entry.Answer);
        foreach (var result in results)
        {
            output.WriteLine(FormattableString.Invariant($"   {(ReferenceEquals(result, best) ? "*" : " ")} {result.Entry.Id} (confidence {result.Confidence:F2}, score {result.Score:F2}): {result.Entry.Question}"));
        }

        output.WriteLine();
    }
}
