using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The citations of a span's law as an explanation line ends with them, " (s.23C(1)(a); reg 40)", or nothing when
/// there are none: formatted into the line being built, not joined into a string of their own first (issue 30).
/// </summary>
internal readonly struct Citations(IReadOnlyList<LegalReference> basis) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format,
        IFormatProvider? provider)
    {
        charsWritten = 0;
        if (basis.Count == 0) return true;
        var length = 3 + 2 * (basis.Count - 1);
        for (var i = 0; i < basis.Count; i++) length += basis[i].Citation.Length;
        if (length > destination.Length) return false;
        var at = 0;
        destination[at++] = ' ';
        destination[at++] = '(';
        for (var i = 0; i < basis.Count; i++)
        {
            if (i > 0) { destination[at++] = ';'; destination[at++] = ' '; }
            basis[i].Citation.CopyTo(destination[at..]);
            at += basis[i].Citation.Length;
        }
        destination[at++] = ')';
        charsWritten = at;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        if (basis.Count == 0) return "";
        var chars = new char[3 + basis.Sum(b => b.Citation.Length + 2)];
        TryFormat(chars, out var n, default, null);
        return new string(chars, 0, n);
    }
}
