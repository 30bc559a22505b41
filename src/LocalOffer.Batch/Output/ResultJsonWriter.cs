using System.Text.Json;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Batch.Output;

/// <summary>The results file as JSON: { asAt, children: [...] }, one object per child, streamed (the CSV's fields).</summary>
public sealed class ResultJsonWriter : IResultWriter
{
    private readonly Utf8JsonWriter _w;

    public ResultJsonWriter(Stream output, LocalDate asAt)
    {
        _w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        _w.WriteStartObject();
        _w.WriteString("asAt", ResultCsvWriter.Iso(asAt));
        _w.WriteStartArray("children");
    }

    public void Write(BatchResult r)
    {
        var c = r.Classification;
        _w.WriteStartObject();
        _w.WriteString("child", r.Child);
        _w.WriteString("dateOfBirth", ResultCsvWriter.Iso(r.DateOfBirth));
        if (c is not null)
        {
            _w.WriteNumber("age", c.Age);
            _w.WriteString("status", c.Status.Wire());
            _w.WriteString("statusSince", ResultCsvWriter.Iso(c.StatusSince));
            if (c.NextChange is { } n)
            {
                _w.WriteString("nextStatus", n.To.Wire());
                _w.WriteString("nextChange", ResultCsvWriter.Iso(n.On));
            }
            _w.WriteNumber("daysLookedAfterSince14", c.Facts.DaysLookedAfterSince14);
            _w.WriteNumber("daysLookedAfterSince16", c.Facts.DaysLookedAfterSince16);
            _w.WriteBoolean("everEligible", c.Facts.EverEligible);
            _w.WriteStartArray("entitlements");
            foreach (var id in c.EntitlementIds) _w.WriteStringValue(id);
            _w.WriteEndArray();
        }
        if (r.Warning is not null) _w.WriteString("warning", r.Warning);
        _w.WriteEndObject();
        if (_w.BytesPending > 1 << 16) _w.Flush();
    }

    public void Dispose()
    {
        _w.WriteEndArray();
        _w.WriteEndObject();
        _w.Flush();
        _w.Dispose();
    }
}
