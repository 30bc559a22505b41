using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalOffer.Core.Engine;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Output;

/// <summary>
/// The JSON form of an <see cref="Assessment"/>: the output of `localoffer check --format json`
/// and of POST /api/check. Dates are ISO; "to" dates are exclusive (the first day not covered).
/// <see cref="Write"/> is the one definition: it writes the answer straight from the assessment, with no tree of
/// nodes between (issue 30: building the tree was a fifth of an API check's CPU and most of what it allocated);
/// <see cref="Serialize"/> and <see cref="ToJson"/> are made from its bytes.
/// </summary>
public static class AssessmentJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The writer options <see cref="JsonNode.ToJsonString"/> takes from <see cref="Options"/>.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = Options.WriteIndented,
        Encoder = Options.Encoder,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
    };

    public static string Iso(LocalDate d) => DateText.Iso(d);

    // Property names encoded once, as the writer would encode them each time.
    private static JsonEncodedText N(string name) => JsonEncodedText.Encode(name, Options.Encoder);
    private static readonly JsonEncodedText Id = N("id"), DateOfBirth = N("dateOfBirth"), AsAt = N("asAt"),
        Age = N("age"), StatusName = N("status"), StatusReason = N("statusReason"), StatusSince = N("statusSince"),
        NextChange = N("nextChange"), On = N("on"), TimelineName = N("timeline"), EntitlementsName = N("entitlements"),
        FactsName = N("facts"), Since14 = N("daysLookedAfterSince14"), Since16 = N("daysLookedAfterSince16"),
        EverEligible = N("everEligible"), ThirteenWeeks = N("thirteenWeeksReached"), Explanation = N("explanation"),
        Warnings = N("warnings"), From = N("from"), To = N("to"), Reason = N("reason"), BasisName = N("basis"),
        Parts = N("parts"), Title = N("title"), Amount = N("amount"), Gbp = N("gbp"), Period = N("period"),
        Condition = N("condition"), Periods = N("periods"), Citation = N("citation"), Url = N("url");

    /// <summary>The assessment as one JSON object, property by property in the documented order.</summary>
    public static void Write(Utf8JsonWriter w, Assessment a)
    {
        w.WriteStartObject();
        w.WriteString(Id, a.Id);
        Date(w, DateOfBirth, a.DateOfBirth);
        Date(w, AsAt, a.AsAt);
        w.WriteNumber(Age, a.Age);
        w.WriteString(StatusName, a.Status.Wire());
        w.WriteString(StatusReason, a.StatusReason);
        Date(w, StatusSince, a.StatusSince);
        if (a.NextChange is { } n)
        {
            w.WriteStartObject(NextChange);
            Date(w, On, n.On);
            w.WriteString(StatusName, n.To.Wire());
            w.WriteEndObject();
        }
        else w.WriteNull(NextChange);
        w.WriteStartArray(TimelineName);
        foreach (var t in a.Timeline) Span(w, t);
        w.WriteEndArray();
        w.WritePropertyName(EntitlementsName);
        Entitlements(w, a.Entitlements);
        w.WriteStartObject(FactsName);
        w.WriteNumber(Since14, a.Facts.DaysLookedAfterSince14);
        w.WriteNumber(Since16, a.Facts.DaysLookedAfterSince16);
        w.WriteBoolean(EverEligible, a.Facts.EverEligible);
        if (a.Facts.ThirteenWeeksReached is { } d) Date(w, ThirteenWeeks, d);
        else w.WriteNull(ThirteenWeeks);
        w.WriteEndObject();
        Strings(w, Explanation, a.Explanation);
        Strings(w, Warnings, a.Warnings);
        w.WriteEndObject();
    }

    // A span whose limb of law changes inside it lists each limb as a part with its own dates and reason.
    private static void Span(Utf8JsonWriter w, TimelineSpan t)
    {
        w.WriteStartObject();
        w.WriteString(StatusName, t.Status.Wire());
        Date(w, From, t.From);
        Date(w, To, t.To);
        w.WriteString(Reason, t.Reason);
        Basis(w, t.Basis);
        if (t.Parts.Count > 1)
        {
            w.WriteStartArray(Parts);
            foreach (var p in t.Parts)
            {
                w.WriteStartObject();
                Date(w, From, p.From);
                Date(w, To, p.To);
                w.WriteString(Reason, p.Reason);
                Basis(w, p.Basis);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// One object per entitlement run: id, title, from, to, amount, condition, basis (every provision of
    /// the run), and periods: each provision's own dates, basis and condition, in date order.
    /// </summary>
    public static void Entitlements(Utf8JsonWriter w, IEnumerable<Entitlement> list)
    {
        w.WriteStartArray();
        foreach (var e in list)
        {
            w.WriteStartObject();
            w.WriteString(Id, e.Id);
            w.WriteString(Title, e.Title);
            Date(w, From, e.From);
            Date(w, To, e.To);
            if (e.Amount is { } m)
            {
                w.WriteStartObject(Amount);
                w.WriteNumber(Gbp, m.Amount);
                w.WriteString(Period, m.Period);
                w.WriteEndObject();
            }
            else w.WriteNull(Amount);
            w.WriteString(Condition, e.Condition);
            Basis(w, e.Basis);
            w.WriteStartArray(Periods);
            foreach (var p in e.Periods)
            {
                w.WriteStartObject();
                Date(w, From, p.From);
                Date(w, To, p.To);
                Basis(w, p.Basis);
                w.WriteString(Condition, p.Condition);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Basis(Utf8JsonWriter w, IEnumerable<LegalReference> refs)
    {
        w.WriteStartArray(BasisName);
        var depth = LaidOutAsOurs(w.Options) ? w.CurrentDepth : int.MaxValue; // another layout: each written anew
        foreach (var r in refs)
        {
            // The object as this writer would write it at this depth, newline and indentation first: written raw,
            // the writer adds only the comma before it (as it does before any value) and checks nothing in it.
            if (EncodedReferences.GetValue(r, static r => new EncodedReference(r)).At(depth) is { } raw)
                w.WriteRawValue(raw, skipInputValidation: true);
            else ReferenceObject(w, r);
        }
        w.WriteEndArray();
    }

    private static bool LaidOutAsOurs(JsonWriterOptions o) =>
        o.Indented == WriterOptions.Indented && o.IndentCharacter == WriterOptions.IndentCharacter
        && o.IndentSize == WriterOptions.IndentSize && o.NewLine == WriterOptions.NewLine
        && ReferenceEquals(o.Encoder, WriterOptions.Encoder);

    private static void ReferenceObject(Utf8JsonWriter w, LegalReference r)
    {
        w.WriteStartObject();
        w.WriteString(Citation, r.Citation);
        w.WriteString(Url, r.Url);
        w.WriteEndObject();
    }

    // The law's references are the same few objects in every answer (about 60 a check, a fifth of the answer's
    // bytes): each one's object, escaped, made UTF-8 and indented, once for each depth it is written at rather than
    // every time (issue 30). Keyed by the reference object, held no longer than it is.
    private static readonly ConditionalWeakTable<LegalReference, EncodedReference> EncodedReferences = new();

    private sealed class EncodedReference(LegalReference r)
    {
        // By depth; a reference is written at two or three (a span's basis, a run's, a run's period's).
        private readonly byte[]?[] _byDepth = new byte[]?[8];

        /// <summary>
        /// The bytes a writer with <see cref="WriterOptions"/> writes for the reference as the first item of an array
        /// at <paramref name="depth"/> (later items differ only by the comma the writer puts before them);
        /// null when the depth is deeper than kept. Two threads may make the same bytes at once: either is kept.
        /// </summary>
        public byte[]? At(int depth)
        {
            if ((uint)depth >= (uint)_byDepth.Length) return null;
            if (_byDepth[depth] is { } made) return made;
            var buffer = new ArrayBufferWriter<byte>(256);
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);
            for (var i = 0; i < depth; i++) writer.WriteStartArray();
            writer.Flush();
            var before = buffer.WrittenCount;
            ReferenceObject(writer, r);
            writer.Flush();
            return _byDepth[depth] = buffer.WrittenSpan[before..].ToArray();
        }
    }

    private static void Strings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string> list)
    {
        w.WriteStartArray(name);
        foreach (var s in list) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    private static void Date(Utf8JsonWriter w, JsonEncodedText name, LocalDate d)
    {
        Span<byte> utf8 = stackalloc byte[32];
        w.WriteString(name, utf8[..DateText.IsoUtf8(d, utf8)]);
    }

    /// <summary>The answer's UTF-8 bytes into <paramref name="buffer"/> (what the API sends).</summary>
    public static void WriteTo(IBufferWriter<byte> buffer, Assessment a)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        Write(writer, a);
    }

    public static JsonArray Basis(IEnumerable<LegalReference> refs) =>
        new(refs.Select(r => (JsonNode)new JsonObject { ["citation"] = r.Citation, ["url"] = r.Url }).ToArray());

    /// <summary>The assessment as a tree, for answers that embed it (the personal offer): <see cref="Write"/>'s bytes
    /// read back.</summary>
    public static JsonObject ToJson(Assessment a)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        WriteTo(buffer, a);
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>The text `localoffer check --format json` prints.</summary>
    public static string Serialize(Assessment a)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        WriteTo(buffer, a);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
