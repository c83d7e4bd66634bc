using System.Buffers.Binary;

namespace SupportBot.Host.Channels.Teams.Manifest;

/// <summary>Reads a PNG file's pixel size from its signature and <c>IHDR</c> chunk, without decoding it.</summary>
internal static class PngHeader
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> HeaderChunk => "IHDR"u8;

    /// <summary>
    /// True when <paramref name="bytes"/> start like a PNG file: the signature, then an <c>IHDR</c> chunk
    /// of 13 bytes whose first 8 are the width and height (big-endian).
    /// </summary>
    public static bool TryReadSize(ReadOnlySpan<byte> bytes, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (bytes.Length < 24 || !bytes[..8].SequenceEqual(Signature)
            || BinaryPrimitives.ReadUInt32BigEndian(bytes[8..12]) != 13 || !bytes[12..16].SequenceEqual(HeaderChunk))
        {
            return false;
        }

        var w = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..20]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..24]);
        if (w == 0 || h == 0 || w > int.MaxValue || h > int.MaxValue)
        {
            return false;
        }

        width = (int)w;
        height = (int)h;
        return true;
    }
}
