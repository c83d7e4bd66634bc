using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Activities;
using SupportBot.Transcripts.Verification;

namespace SupportBot.Host.Cli.Transcripts;

/// <summary>One transcript's result: its verification, or why it could not be read.</summary>
internal sealed record FileVerification(string File, TranscriptVerification? Verification, string? Error)
{
    public string Status => Error is not null ? "unreadable" : Verification!.Same ? "ok" : "different";
}

/// <summary>Prints the results of <c>transcripts verify</c>, as text lines or one JSON document.</summary>
internal sealed class TranscriptsVerifyReport(IReadOnlyList<FileVerification> results, TimeSpan elapsed)
{
    // A report for people and scripts, not a web page: keep "expected": null rather than dropping it,
    // and write quotes and ">" as they are rather than as HTML-safe escapes.
    private static readonly JsonSerializerOptions Indented = new(ActivityJson.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A status line per file, then each difference as <c>file: turn N (step S): what: expected "...", got "..."</c>,
    /// then a summary. Why a file could not be read goes to <paramref name="error"/>.
    /// </summary>
    public void WriteText(TextWriter output, TextWriter error)
    {
        foreach (var result in results)
        {
            if (result.Verification is not { } verification)
            {
                output.WriteLine($"UNREADABLE {result.File}");
                error.WriteLine(result.Error);
                continue;
            }

            var turns = $"{verification.Turns} turn{(verification.Turns == 1 ? "" : "s")}";
            if (verification.Same)
            {
                output.WriteLine($"OK         {result.File} ({turns})");
                continue;
            }

            output.WriteLine($"DIFFERENT  {result.File} ({turns}, {Count(verification.Differences.Count, "difference")})");
            foreach (var difference in verification.Differences)
            {
                output.WriteLine($"{result.File}: {Where(difference)}: expected {Quote(difference.Expected)}, got {Quote(difference.Actual)}");
            }

            if (verification.DivergedAtTurn is { } turn && turn < verification.Turns)
            {
                output.WriteLine($"{result.File}: replies after turn {turn} were not compared: from there the dialog took another path than recorded.");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count(results.Count, "transcript")}: {Tally("ok")} same, {Tally("different")} different, {Tally("unreadable")} unreadable; " +
            $"{Count(results.Sum(r => r.Verification?.Differences.Count ?? 0), "difference")} ({elapsed.TotalSeconds:0.00} s)."));
    }

    public void WriteJson(TextWriter output)
    {
        var document = new
        {
            files = results.Select(r => new
            {
                file = r.File,
                status = r.Status,
                error = r.Error,
                turns = r.Verification?.Turns,
                replayed = r.Verification?.Replayed,
                divergedAtTurn = r.Verification?.DivergedAtTurn,
                differences = r.Verification?.Differences.Select(d => new
                {
                    kind = d.Kind.ToString().ToLowerInvariant(),
                    turn = d.Turn,
                    step = d.Step,
                    subject = d.Subject,
                    expected = d.Expected,
                    actual = d.Actual,
                }),
            }),
            summary = new
            {
                files = results.Count,
                same = Tally("ok"),
                different = Tally("different"),
                unreadable = Tally("unreadable"),
                differences = results.Sum(r => r.Verification?.Differences.Count ?? 0),
                seconds = Math.Round(elapsed.TotalSeconds, 2),
            },
        };
        output.WriteLine(JsonSerializer.Serialize(document, Indented));
    }

    private int Tally(string status) => results.Count(r => r.Status == status);

    private static string Where(TranscriptDifference difference) => difference.Turn is { } turn
        ? $"turn {turn} (step {difference.Step}): {difference.Subject}"
        : "outcome " + difference.Subject;

    private static string Quote(string? value) => value is null ? "nothing" : "\"" + value + "\"";

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
