namespace SupportBot.Transcripts.Files;

/// <summary>A transcript file that cannot be read, with the reason and, where known, the activity at fault.</summary>
public sealed class TranscriptFileException(string message, Exception? inner = null) : Exception(message, inner);
