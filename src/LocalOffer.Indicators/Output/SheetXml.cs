using System.Globalization;
using System.Text;

namespace LocalOffer.Indicators.Output;

/// <summary>
/// A worksheet part's XML written as UTF-8 bytes straight into the part's stream: the very bytes an
/// <see cref="System.Xml.XmlWriter"/> with the workbook's settings (UTF-8 without a byte order mark, the
/// sheet's namespace declared on the worksheet) writes for the same rows (issue 30: through the XmlWriter the
/// Young people sheet was about a sixth of a cold `indicators` run at 100k, most of it the writer's own checks
/// of markup it had been handed whole). Text is escaped as the XmlWriter escapes element text (&amp;, &lt;,
/// &gt;, line breaks as the platform's new line) and refused where it refuses it (a lone surrogate, a character
/// XML cannot hold), with the same exception type. <c>WorkbookCellTests</c> holds every byte to the XmlWriter's.
/// </summary>
internal sealed class SheetXml : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);

    private readonly Stream _out;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;
    private bool _rowOpen, _rowHasCells;

    public SheetXml(Stream output)
    {
        _out = output;
        Ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"" + Main + "\"><sheetData>");
    }

    /// <summary>A row is opened; its start tag is closed by its first cell, or the row closes empty.</summary>
    public void StartRow()
    {
        Ascii("<row");
        (_rowOpen, _rowHasCells) = (true, false);
    }

    public void EndRow()
    {
        Ascii(_rowHasCells ? "</row>" : " />");
        _rowOpen = false;
    }

    public void Empty() => Cell("<c />");

    public void Number(int n) => Number((long)n);

    public void Number(long n)
    {
        Cell("<c><v>");
        Span<char> digits = stackalloc char[24];
        n.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        Ascii(digits[..length]);
        Ascii("</v></c>");
    }

    /// <summary>A number as the invariant culture writes it (long, decimal).</summary>
    public void Number(string invariant)
    {
        Cell("<c><v>");
        Text(invariant);
        Ascii("</v></c>");
    }

    public void Shared(int index)
    {
        Cell("<c t=\"s\"><v>");
        Span<char> digits = stackalloc char[16];
        index.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        Ascii(digits[..length]);
        Ascii("</v></c>");
    }

    /// <summary>
    /// Text held in the cell itself; leading or trailing white space kept only when the text says so
    /// (xml:space), as the workbook always wrote it.
    /// </summary>
    public void Inline(string text)
    {
        Cell("<c t=\"inlineStr\"><is><t");
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            Ascii(" xml:space=\"preserve\"");
        Ascii(">");
        Text(text);
        Ascii("</t></is></c>");
    }

    /// <summary>The end of the sheet, and everything still buffered written to the part.</summary>
    public void Finish()
    {
        Ascii("</sheetData></worksheet>");
        Flush();
    }

    public void Dispose() => Flush();

    private void Cell(string markup)
    {
        if (_rowOpen && !_rowHasCells)
        {
            Ascii(">");
            _rowHasCells = true;
        }
        Ascii(markup);
    }

    private void Ascii(ReadOnlySpan<char> s)
    {
        if (_buffer.Length - _used < s.Length) Flush();
        if (s.Length > _buffer.Length)
        {
            foreach (var c in s) Byte((byte)c);
            return;
        }
        for (var i = 0; i < s.Length; i++) _buffer[_used + i] = (byte)s[i];
        _used += s.Length;
    }

    private void Byte(byte b)
    {
        if (_used == _buffer.Length) Flush();
        _buffer[_used++] = b;
    }

    /// <summary>Element text, escaped as XmlWriter's UTF-8 writer escapes it with its default settings.</summary>
    private void Text(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (_buffer.Length - _used < 16) Flush();
            switch (c)
            {
                case '<': Ascii("&lt;"); continue;
                case '>': Ascii("&gt;"); continue;
                case '&': Ascii("&amp;"); continue;
                case '\t': _buffer[_used++] = (byte)c; continue;
                case '\n': Bytes(NewLine); continue;
                case '\r':
                    // NewLineHandling.Replace: a carriage return, alone or before a line feed, is one new line.
                    if (i + 1 < s.Length && s[i + 1] == '\n') i++;
                    Bytes(NewLine);
                    continue;
            }
            if (c < ' ')
                throw new ArgumentException($"hexadecimal value 0x{(int)c:X2} is an invalid XML character");
            if (c < 0x80) _buffer[_used++] = (byte)c;
            else if (c < 0x800)
            {
                _buffer[_used++] = (byte)(0xC0 | (c >> 6));
                _buffer[_used++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, s[++i]);
                _buffer[_used++] = (byte)(0xF0 | (cp >> 18));
                _buffer[_used++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                _buffer[_used++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                _buffer[_used++] = (byte)(0x80 | (cp & 0x3F));
            }
            else if (char.IsSurrogate(c))
                throw new ArgumentException($"a lone surrogate (0x{(int)c:X4}) cannot be written as XML");
            else if (c >= 0xFFFE)
                throw new ArgumentException($"hexadecimal value 0x{(int)c:X4} is an invalid XML character");
            else
            {
                _buffer[_used++] = (byte)(0xE0 | (c >> 12));
                _buffer[_used++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                _buffer[_used++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    private void Bytes(ReadOnlySpan<byte> b)
    {
        if (_buffer.Length - _used < b.Length) Flush();
        b.CopyTo(_buffer.AsSpan(_used));
        _used += b.Length;
    }

    private void Flush()
    {
        _out.Write(_buffer, 0, _used);
        _used = 0;
    }
}
