using System.Text;

namespace LocalOffer.Offers.Compare;

/// <summary>
/// CSV that a spreadsheet opens as text, never as formulas (OWASP "CSV injection"): a cell starting
/// with =, +, -, @, tab or carriage return gets a leading apostrophe; every cell with a comma, quote
/// or line break is quoted (RFC 4180), quotes doubled.
/// </summary>
public static class SafeCsv
{
    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r') v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }

    public static string Write(IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows) sb.Append(string.Join(",", row.Select(Cell))).Append("\r\n");
        return sb.ToString();
    }
}
