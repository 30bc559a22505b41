using System.Collections.Concurrent;
using System.Buffers;
using System.Text;
using CsvHelper;
using LocalOffer.Batch.Cohort;

namespace LocalOffer.Batch.Input;

/// <summary>
/// A batch of CSV rows as read: the wanted fields' UTF-8 bytes copied into one buffer, with each
/// row's line and, for a row that could not be read, why. The reader (one core, in file order) only
/// copies bytes; turning them into text and checking them run on any core (<see cref="Decode"/>,
/// <see cref="RowChecker"/>), since the CSV reader reuses its own buffers from row to row. Batches
/// are used again once checked (<see cref="Pool"/>).
/// </summary>
internal sealed class RawRows<T>
{
    public const int Capacity = 512;

    /// <summary>
    /// A batch also ends once its fields hold this many bytes, so the batches read ahead (at most
    /// <see cref="ReadAhead.Depth"/> waiting, and the few being checked) stay a few tens of MB even when
    /// every row is a hostile 1 MiB (<see cref="Ssda903CsvReader.MaxRowBytes"/>).
    /// </summary>
    public const int MaxBytes = 1 << 20;

    private readonly int _fields;
    private readonly int[] _start, _length, _chars;
    private byte[] _bytes = new byte[Capacity * 48];
    private char[] _text = [];
    private int _used;

    private RawRows(int fields)
    {
        _fields = fields;
        _start = new int[Capacity * fields];
        _length = new int[Capacity * fields];
        _chars = new int[Capacity * fields];
    }

    public long[] Line { get; } = new long[Capacity];
    /// <summary>The rows checked, for the cohort to take (kept with the batch: the list is used again too).</summary>
    public List<T> Checked { get; } = new(Capacity);
    /// <summary>Why a row could not be read at all (malformed quoting), or null.</summary>
    public RowProblem?[] Unreadable { get; } = new RowProblem?[Capacity];
    public int Count { get; private set; }
    public bool IsFull => Count == Capacity || _used >= MaxBytes;

    /// <summary>
    /// The text of field <paramref name="j"/> (in the order of the wanted columns) of row
    /// <paramref name="row"/>, once <see cref="Decode"/> has run.
    /// </summary>
    public ReadOnlySpan<char> Field(int row, int j) =>
        _text.AsSpan(_start[row * _fields + j], _chars[row * _fields + j]);

    /// <summary>
    /// The bytes made text, each field at its bytes' offset: UTF-8 never has fewer bytes than
    /// characters, so no field runs into the next. The bytes were checked as UTF-8 when read.
    /// </summary>
    public void Decode()
    {
        if (_text.Length < _bytes.Length) _text = new char[_bytes.Length];
        // Almost every batch is all ASCII: then one call widens the whole buffer and each field's
        // characters are its bytes (millions of calls saved); otherwise field by field.
        if (Ascii.ToUtf16(_bytes.AsSpan(0, _used), _text, out _) == OperationStatus.Done)
        {
            Array.Copy(_length, _chars, Count * _fields);
            return;
        }
        for (var k = 0; k < Count * _fields; k++)
            _chars[k] = Encoding.UTF8.GetChars(_bytes.AsSpan(_start[k], _length[k]), _text.AsSpan(_start[k]));
    }

    /// <summary>The current row's wanted fields (-1: a column the file lacks; blank past the row's end).</summary>
    public void Add(CsvReader csv, long line, int[] columns)
    {
        var at = Count * _fields;
        for (var j = 0; j < _fields; j++)
        {
            var i = columns[j];
            _start[at + j] = _used;
            _length[at + j] = 0;
            if (i < 0 || i >= csv.FieldCount) continue;
            var bytes = csv.GetSpan(i);
            if (_bytes.Length - _used < bytes.Length)
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + bytes.Length));
            bytes.CopyTo(_bytes.AsSpan(_used));
            _length[at + j] = bytes.Length;
            _used += bytes.Length;
        }
        Line[Count] = line;
        Unreadable[Count++] = null;
    }

    public void AddUnreadable(long line, RowProblem problem)
    {
        var at = Count * _fields;
        for (var j = 0; j < _fields; j++) (_start[at + j], _length[at + j]) = (_used, 0);
        Line[Count] = line;
        Unreadable[Count++] = problem;
    }

    /// <summary>Batches of one reader, handed back once the cohort has taken them: a few dozen a file.</summary>
    public sealed class Pool(int fields)
    {
        private readonly ConcurrentBag<RawRows<T>> _free = [];

        public RawRows<T> Rent()
        {
            if (!_free.TryTake(out var rows)) return new RawRows<T>(fields);
            rows.Count = 0;
            rows._used = 0;
            rows.Checked.Clear();
            return rows;
        }

        public void Return(RawRows<T> rows) => _free.Add(rows);
    }
}
