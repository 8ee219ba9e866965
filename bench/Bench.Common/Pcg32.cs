namespace NoticeGen.Bench;

/// <summary>
/// PCG32 (O'Neill's permuted congruential generator, XSH-RR variant): a tiny PRNG of our own, so that a seed gives the same
/// workload byte for byte on every machine and .NET version (System.Random's algorithm is not a documented contract).
/// </summary>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private readonly ulong increment;
    private ulong state;

    public Pcg32(ulong seed, ulong stream = 0x9E3779B97F4A7C15UL)
    {
        increment = (stream << 1) | 1UL;
        NextUInt();
        state = unchecked(state + seed);
        NextUInt();
    }

    public uint NextUInt()
    {
        var old = state;
        state = unchecked((old * Multiplier) + increment);
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        var rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << (-rotation & 31));
    }

    /// <summary>A number in [0, bound), without the bias of a plain modulo (values below the threshold are drawn again).</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (uint)bound;
        var threshold = unchecked(0u - range) % range;
        while (true)
        {
            var value = NextUInt();
            if (value >= threshold)
            {
                return (int)(value % range);
            }
        }
    }

    /// <summary>True with the given probability in percent.</summary>
    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        return items[Next(items.Count)];
    }

    /// <summary>A generator for one sub-task, so that adding a draw in one part of a workload does not shift every other part.</summary>
    public Pcg32 Fork(ulong stream) => new(NextUInt() | ((ulong)NextUInt() << 32), stream);
}
