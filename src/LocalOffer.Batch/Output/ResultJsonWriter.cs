using System.Text.Json;
using LocalOffer.Core.Engine;
using NodaTime;

namespace LocalOffer.Batch.Output;

/// <summary>The results file as JSON: one object per child, streamed (the same fields as the CSV).</summary>
public static class ResultJsonWriter
{
    public static void Write(Stream output, IEnumerable<BatchResult> results, LocalDate asAt)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("asAt", ResultCsvWriter.Iso(asAt));
        w.WriteStartArray("children");
        foreach (var r in results)
        {
            var h = r.Child.History;
            var c = r.Classification;
            w.WriteStartObject();
            w.WriteString("child", h.Id);
            w.WriteString("dateOfBirth", ResultCsvWriter.Iso(h.DateOfBirth));
            if (c is not null)
            {
                w.WriteNumber("age", c.Age);
                w.WriteString("status", c.Status.Wire());
                w.WriteString("statusSince", ResultCsvWriter.Iso(c.StatusSince));
                if (c.NextChange is { } n)
                {
                    w.WriteString("nextStatus", n.To.Wire());
                    w.WriteString("nextChange", ResultCsvWriter.Iso(n.On));
                }
                w.WriteNumber("daysLookedAfterSince14", c.Facts.DaysLookedAfterSince14);
                w.WriteNumber("daysLookedAfterSince16", c.Facts.DaysLookedAfterSince16);
                w.WriteBoolean("everEligible", c.Facts.EverEligible);
                w.WriteStartArray("entitlements");
                foreach (var id in c.EntitlementIds) w.WriteStringValue(id);
                w.WriteEndArray();
            }
            if (r.Warning is not null) w.WriteString("warning", r.Warning);
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
