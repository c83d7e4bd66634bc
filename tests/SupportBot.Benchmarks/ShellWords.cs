using System.Text;

namespace SupportBot.Benchmarks;

/// <summary>
/// Splits a command line the way a POSIX shell would for the simple cases a cold-start command needs:
/// whitespace separates words, single quotes are literal, double quotes allow <c>\"</c> and <c>\\</c>,
/// and a backslash outside quotes escapes the next character. No expansion of any kind.
/// The command is started directly (no shell) so that killing it kills the host itself.
/// </summary>
internal static class ShellWords
{
    public static List<string> Split(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var quote = '\0';

        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                {
                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\' && i + 1 < command.Length)
                {
                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (quote != '\0')
        {
            throw new OptionsException($"unterminated {quote} quote in command: {command}");
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> in a word list, if present.</summary>
    public static string? FindOptionValue(IReadOnlyList<string> words, string name)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == name && i + 1 < words.Count)
            {
                return words[i + 1];
            }

            if (words[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return words[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
