using System.Text.Json;

namespace SupportBot.Recognition.Evaluation;

/// <summary>One line of an evaluation file: <c>{"text": "...", "intent": "&lt;playbook id or none&gt;"}</c>.</summary>
public sealed record LabelledUtterance(string Text, string Intent, int Line)
{
    public const string None = "none";

    /// <summary>Reads a JSON Lines file; a bad line is reported with its number, not skipped.</summary>
    public static IReadOnlyList<LabelledUtterance> ReadJsonLines(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new List<LabelledUtterance>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var intent = root.TryGetProperty("intent", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(intent))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: each line needs string fields \"text\" and \"intent\".");
                }

                result.Add(new LabelledUtterance(text, intent, lineNumber));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not valid JSON ({ex.Message}).", ex);
            }
        }

        return result;
    }
}
