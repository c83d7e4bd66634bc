namespace SupportBot.Playbooks;

/// <summary>One problem in a playbook file, located precisely enough to jump to it in an editor.</summary>
public sealed record PlaybookError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>The playbooks folder has errors; the host refuses to start rather than run half a catalogue.</summary>
public sealed class PlaybookValidationException : Exception
{
    public PlaybookValidationException(IReadOnlyList<PlaybookError> errors)
        : base(Describe(errors)) => Errors = errors;

    public PlaybookValidationException() => Errors = [];

    public PlaybookValidationException(string message) : base(message) => Errors = [];

    public PlaybookValidationException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    public IReadOnlyList<PlaybookError> Errors { get; }

    private static string Describe(IReadOnlyList<PlaybookError> errors) =>
        $"{errors.Count} playbook error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
