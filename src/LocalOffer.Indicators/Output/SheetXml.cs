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
        Bytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\""u8);
        Bytes(Encoding.UTF8.GetBytes(Main));
        Bytes("\"><sheetData>"u8);
    }

    /// <summary>A row is opened; its start tag is closed by its first cell, or the row closes empty.</summary>
    public void StartRow()
    {
        Bytes("<row"u8);
        (_rowOpen, _rowHasCells) = (true, false);
    }

    public void EndRow()
    {
        Bytes(_rowHasCells ? "</row>"u8 : " />"u8);
        _rowOpen = false;
    }

    public void Empty() => Cell("<c />"u8);

    public void Number(int n) => Number((long)n);

    public void Number(long n)
    {
        Cell("<c><v>"u8);
        Digits(n);
        Bytes("</v></c>"u8);
    }

    /// <summary>A number as the invariant culture writes it (long, decimal).</summary>
    public void Number(string invariant)
    {
        Cell("<c><v>"u8);
        Text(invariant);
        Bytes("</v></c>"u8);
    }

    public void Shared(int index)
    {
        Cell("<c t=\"s\"><v>"u8);
        Digits(index);
        Bytes("</v></c>"u8);
    }

    /// <summary>
    /// Text held in the cell itself; leading or trailing white space kept only when the text says so
    /// (xml:space), as the workbook always wrote it.
    /// </summary>
    public void Inline(string text)
    {
        Cell("<c t=\"inlineStr\"><is><t"u8);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            Bytes(" xml:space=\"preserve\""u8);
        Bytes(">"u8);
        Text(text);
        Bytes("</t></is></c>"u8);
    }

    /// <summary>The end of the sheet, and everything still buffered written to the part.</summary>
    public void Finish()
    {
        Bytes("</sheetData></worksheet>"u8);
        Flush();
    }

    public void Dispose() => Flush();

    private void Cell(ReadOnlySpan<byte> markup)
    {
        if (_rowOpen && !_rowHasCells)
        {
            Bytes(">"u8);
            _rowHasCells = true;
        }
        Bytes(markup);
    }

    /// <summary>A number's invariant digits (as int.ToString(CultureInfo.InvariantCulture) writes them).</summary>
    private void Digits(long n)
    {
        if (_buffer.Length - _used < 24) Flush();
        n.TryFormat(_buffer.AsSpan(_used), out var length, default, CultureInfo.InvariantCulture);
        _used += length;
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
                case '<': Bytes("&lt;"u8); continue;
                case '>': Bytes("&gt;"u8); continue;
                case '&': Bytes("&amp;"u8); continue;
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
        if (b.Length > _buffer.Length) _out.Write(b);
        else
        {
            b.CopyTo(_buffer.AsSpan(_used));
            _used += b.Length;
        }
    }

    private void Flush()
    {
        _out.Write(_buffer, 0, _used);
        _used = 0;
    }
}
