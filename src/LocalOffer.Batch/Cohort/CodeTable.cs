namespace LocalOffer.Batch.Cohort;

/// <summary>
/// One code table (legal status, placement, reason ended) from a code read into a buffer to its number,
/// without a string and without hashing the text: a code of 1 to 8 ASCII characters (every SSDA903 code)
/// is packed into a number and found in a small open-addressed table; anything else (longer, non-ASCII,
/// empty) is looked up in an ordinal dictionary of the codes that do not pack (none today). A packed text
/// can only equal a code that packs, so the answer is exactly the ordinal dictionary's (issue 30: three
/// look-ups per episode row, 10 million in a national return).
/// </summary>
internal sealed class CodeTable
{
    private readonly ulong[] _keys;
    private readonly byte[] _values;
    private readonly int _shift;
    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _rest;

    public CodeTable(IReadOnlyDictionary<string, byte> codes)
    {
        var size = 16;
        while (size < 4 * codes.Count) size *= 2; // at most a quarter full: probes are short
        _keys = new ulong[size];
        _values = new byte[size];
        _shift = 64 - int.Log2(size);
        var rest = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (code, number) in codes)
        {
            if (!Pack(code, out var key)) { rest[code] = number; continue; }
            var i = Slot(key);
            while (_keys[i] != 0) i = (i + 1) & (size - 1);
            (_keys[i], _values[i]) = (key, number);
        }
        _rest = rest.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGetValue(ReadOnlySpan<char> text, out byte number)
    {
        if (!Pack(text, out var key)) return _rest.TryGetValue(text, out number);
        for (var i = Slot(key); _keys[i] != 0; i = (i + 1) & (_keys.Length - 1))
            if (_keys[i] == key) { number = _values[i]; return true; }
        number = 0;
        return false;
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>1 to 8 characters each from U+0001 to U+007F, seven bits each: never 0, one text one number.</summary>
    private static bool Pack(ReadOnlySpan<char> text, out ulong key)
    {
        key = 0;
        if (text.Length is 0 or > 8) return false;
        foreach (var c in text)
        {
            if (c is '\0' or > '\u007F') return false;
            key = key << 7 | c;
        }
        return true;
    }
}
