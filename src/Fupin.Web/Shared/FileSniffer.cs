namespace Fupin.Web.Shared;

/// <summary>What a file is by its first bytes, never by its name: uploads are accepted by content.</summary>
public static class FileSniffer
{
    public enum Kind
    {
        Unknown,
        Pdf,
        Jpeg,
        Png,
        /// <summary>A zip container: .xlsx and .docx are zips.</summary>
        Zip,
        /// <summary>A Windows or Linux program, or a script: always refused.</summary>
        Executable,
        /// <summary>Text without NUL bytes (CSV).</summary>
        Text,
    }

    public static Kind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Kind.Pdf;
        }
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Kind.Jpeg;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Kind.Png;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return Kind.Zip;
        }
        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) || head.StartsWith("#!"u8)
            || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return Kind.Executable;
        }
        return head.Length > 0 && !head.Contains((byte)0) ? Kind.Text : Kind.Unknown;
    }

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of a seekable stream and rewinds it.</summary>
    public static async Task<Kind> DetectAsync(Stream stream, int count = 512, CancellationToken ct = default)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count && await stream.ReadAsync(buffer.AsMemory(read, count - read), ct) is var n and > 0)
        {
            read += n;
        }
        stream.Position = 0;
        return Detect(buffer.AsSpan(0, read));
    }
}
