using System.Text;

namespace SupportBot.Storage.LiteDb;

/// <summary>
/// Looks at an existing file before LiteDB is allowed to touch it. LiteDB 5 silently re-initialises a
/// non-empty file shorter than one page and truncates a file whose length is not a whole number of pages,
/// even when it then fails to open it; checking first is the only way to guarantee we never damage a file
/// that is not a LiteDB database.
/// </summary>
internal static class LiteDbFileGuard
{
    internal const int PageSize = 8192;

    // LiteDB 5 header page: 32-byte page header, then this signature, then the file format version.
    private const int SignatureOffset = 32;
    private const byte FileVersion = 8;
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Returns null when the file is absent, empty or looks like a LiteDB 5 file; otherwise what is wrong.</summary>
    public static string? FindProblem(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            // Nothing to lose: LiteDB writes a fresh header.
            return null;
        }

        if (file.Length < PageSize || file.Length % PageSize != 0)
        {
            return $"its size ({file.Length} bytes) is not a whole number of {PageSize}-byte pages";
        }

        var header = new byte[SignatureOffset + Signature.Length + 1];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        if (!header.AsSpan(SignatureOffset, Signature.Length).SequenceEqual(Signature))
        {
            return "the header does not carry the LiteDB signature (an encrypted file, or not a LiteDB file at all)";
        }

        var version = header[^1];
        return version == FileVersion
            ? null
            : $"the file format version is {version}, but LiteDB 5 needs {FileVersion}";
    }
}
