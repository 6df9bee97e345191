using System.Buffers.Binary;

namespace Fupin.Web.Shared;

/// <summary>
/// Version-7 GUIDs for one bulk write: the first is <see cref="Guid.CreateVersion7()"/>, each next one adds
/// one to its 62 random low bits. A million ids cost no system random numbers (each CreateVersion7 asks the
/// kernel for fresh ones) and come out in ascending order, so every primary-key index receives them at its
/// end. The random start keeps them apart from ids made elsewhere as well as CreateVersion7's do.
/// </summary>
public sealed class GuidSequence
{
    private const ulong Low62 = (1UL << 62) - 1;

    private readonly ulong _high;
    private readonly ulong _variant;
    private long _next;

    public GuidSequence()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(bytes, bigEndian: true, out _);
        _high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _variant = low & ~Low62;
        // Below 2^61: the counter cannot run past the 62 bits in any load.
        _next = (long)(low & (Low62 >> 1));
    }

    public Guid Next()
    {
        var n = (ulong)Interlocked.Increment(ref _next);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _variant | (n & Low62));
        return new Guid(bytes, bigEndian: true);
    }
}
