using System.Text.Json;
using LocalOffer.Core.Model;
using NodaTime;
using NodaTime.Text;
using LocalOffer.Core.Safety;

namespace LocalOffer.Core.Input;

/// <summary>
/// Reads the care history document (JSON) strictly: unknown fields, wrong types and bad dates are
/// errors naming the field path. Then <see cref="CareHistoryValidator"/> checks the facts
/// (codes, order of dates, overlaps). Nothing is thrown for bad input: errors are returned.
/// </summary>
public sealed class CareHistoryReader(CareHistoryValidator validator)
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    public static readonly IReadOnlyDictionary<string, DetentionKind> DetentionKinds = new Dictionary<string, DetentionKind>
    {
        ["custody"] = DetentionKind.Custody, ["hospital"] = DetentionKind.Hospital,
    };
    public static readonly IReadOnlyDictionary<string, OtherCareKind> OtherCareKinds = new Dictionary<string, OtherCareKind>
    {
        ["privateFostering"] = OtherCareKind.PrivateFostering,
        ["voluntaryOrganisation"] = OtherCareKind.VoluntaryOrganisation,
        ["privateChildrensHome"] = OtherCareKind.PrivateChildrensHome,
        ["healthOrEducationAccommodation"] = OtherCareKind.HealthOrEducationAccommodation,
        ["careHomeOrHospital"] = OtherCareKind.CareHomeOrHospital,
    };
    public static readonly IReadOnlyDictionary<string, EducationKind> EducationKinds = new Dictionary<string, EducationKind>
    {
        ["higherEducation"] = EducationKind.HigherEducation,
        ["furtherEducation"] = EducationKind.FurtherEducation,
        ["apprenticeship"] = EducationKind.Apprenticeship,
        ["training"] = EducationKind.Training,
    };

    /// <summary>The largest care history file read (16 MiB: a couple of hundred thousand episodes).</summary>
    public const long MaxFileBytes = 16 << 20;

    /// <summary>The longest id accepted.</summary>
    public const int MaxIdLength = 100;

    /// <summary>At most this many errors are returned; one more says how many were left out.</summary>
    public const int MaxErrors = 50;

    private static readonly JsonDocumentOptions Depth = new() { MaxDepth = 16 };

    /// <summary>Reads and validates; on failure History is null and Errors says why.</summary>
    public (CareHistory? History, IReadOnlyList<InputError> Errors) Read(string json) => Read(json, default);

    /// <summary>
    /// <see cref="Read(string)"/> on the document's UTF-8 bytes (no byte order mark), as a request body arrives: the
    /// same answer, without making the text and encoding it back (issue 30). The bytes are not kept.
    /// </summary>
    public (CareHistory? History, IReadOnlyList<InputError> Errors) Read(ReadOnlyMemory<byte> utf8) => Read(null, utf8);

    private (CareHistory? History, IReadOnlyList<InputError> Errors) Read(string? text, ReadOnlyMemory<byte> utf8)
    {
        JsonDocument doc;
        try
        {
            doc = text is not null ? JsonDocument.Parse(text, Depth) : JsonDocument.Parse(utf8, Depth);
        }
        catch (JsonException e)
        {
            return (null, [new InputError("$", $"not valid JSON (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})")]);
        }
        using (doc)
        {
            var errors = new List<InputError>();
            CareHistory? history;
            try
            {
                history = ReadHistory(doc.RootElement, errors);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses to decode a lone UTF-16 surrogate such as "\ud800": not text.
                return (null, [new InputError("$", "a string holds an escaped lone surrogate (such as \\ud800), which is not text")]);
            }
            if (errors.Count > 0 || history is null) return (null, Capped(errors));
            var validation = validator.Validate(history);
            return validation.Count > 0 ? (null, Capped(validation)) : (history, []);
        }
    }

    // The first MaxErrors named, the rest counted: each left out counts as the problems it stands for.
    private static IReadOnlyList<InputError> Capped(IReadOnlyList<InputError> errors)
    {
        if (errors.Count <= MaxErrors) return errors;
        var more = 0L;
        for (var i = MaxErrors; i < errors.Count; i++) more += errors[i].Counts;
        return [.. errors.Take(MaxErrors),
            new InputError("$", $"... and {more:N0} more errors", (int)Math.Min(more, int.MaxValue))];
    }

    /// <summary>
    /// Reads a file; a missing, unreadable, oversize or non-UTF-8 file, or one that is not a regular
    /// file (a FIFO, a device), is an error on path "$".
    /// </summary>
    public (CareHistory? History, IReadOnlyList<InputError> Errors) ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = InputFiles.ReadUtf8(path, MaxFileBytes);
        }
        catch (Exception e) when (e is InputFileException or IOException or UnauthorizedAccessException)
        {
            return (null, [new InputError("$", e.Message)]);
        }
        var text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
        return Read(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
    }

    private static CareHistory? ReadHistory(JsonElement root, List<InputError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError("$", "a care history must be a JSON object"));
            return null;
        }
        Known(root, "", errors, "id", "dateOfBirth", "episodes", "detentions", "livingWithParent", "otherCare", "education",
            "supportRequests", "housingApplications");
        string? id = null;
        if (root.TryGetProperty("id", out var idEl))
        {
            if (idEl.ValueKind == JsonValueKind.String)
            {
                id = idEl.GetString();
                // The id is echoed on screens and in reports: no control characters, and short; and
                // nothing invisible, which would make two ids that look the same (Safety.Invisible).
                if (id is not null && id.Length <= MaxIdLength && Invisible.Problem(id) is { } hidden)
                {
                    errors.Add(new InputError("id", hidden));
                    id = null;
                }
                else if (id is not null && (id.Length > MaxIdLength || Printable.Clean(id, MaxIdLength) != id))
                {
                    errors.Add(new InputError("id", $"must be at most {MaxIdLength} printable characters"));
                    id = null;
                }
            }
            else if (idEl.ValueKind != JsonValueKind.Null) errors.Add(new InputError("id", "must be a string"));
        }
        LocalDate? dob = null;
        if (!root.TryGetProperty("dateOfBirth", out var dobEl)) errors.Add(new InputError("dateOfBirth", "is required"));
        else dob = Date(dobEl, "dateOfBirth", errors, required: true);

        var episodes = List(root, "episodes", errors, (e, p) =>
        {
            Known(e, p, errors, "start", "end", "legalStatus", "placement", "reasonEnded");
            var start = Date(Prop(e, "start"), p + ".start", errors, true);
            var end = Date(Prop(e, "end"), p + ".end", errors, false);
            var ls = Text(Prop(e, "legalStatus"), p + ".legalStatus", errors, true);
            var pl = Text(Prop(e, "placement"), p + ".placement", errors, false);
            var rec = Text(Prop(e, "reasonEnded"), p + ".reasonEnded", errors, false);
            return start is null || ls is null ? null : new Episode(start.Value, end, ls, pl, rec);
        });
        var detentions = List(root, "detentions", errors, (e, p) =>
        {
            Known(e, p, errors, "start", "end", "kind", "careOrderDischarged");
            var start = Date(Prop(e, "start"), p + ".start", errors, true);
            var end = Date(Prop(e, "end"), p + ".end", errors, false);
            var kind = Kind(Prop(e, "kind"), p + ".kind", DetentionKinds, errors);
            var discharged = false;
            var cod = Prop(e, "careOrderDischarged");
            if (cod is { ValueKind: JsonValueKind.True or JsonValueKind.False } b) discharged = b.GetBoolean();
            else if (cod is { ValueKind: not JsonValueKind.Null })
                errors.Add(new InputError(p + ".careOrderDischarged", "must be true or false"));
            return start is null || kind is null ? null : new Detention(start.Value, end, kind.Value, discharged);
        });
        var living = List(root, "livingWithParent", errors, (e, p) =>
        {
            Known(e, p, errors, "start", "end");
            var start = Date(Prop(e, "start"), p + ".start", errors, true);
            var end = Date(Prop(e, "end"), p + ".end", errors, false);
            return start is null ? null : new LivingWithParent(start.Value, end);
        });
        var other = List(root, "otherCare", errors, (e, p) =>
        {
            Known(e, p, errors, "start", "end", "kind");
            var start = Date(Prop(e, "start"), p + ".start", errors, true);
            var end = Date(Prop(e, "end"), p + ".end", errors, false);
            var kind = Kind(Prop(e, "kind"), p + ".kind", OtherCareKinds, errors);
            return start is null || kind is null ? null : new OtherCare(start.Value, end, kind.Value);
        });
        var education = List(root, "education", errors, (e, p) =>
        {
            Known(e, p, errors, "start", "end", "kind", "fullTime");
            var start = Date(Prop(e, "start"), p + ".start", errors, true);
            var end = Date(Prop(e, "end"), p + ".end", errors, false);
            var kind = Kind(Prop(e, "kind"), p + ".kind", EducationKinds, errors);
            var ft = Prop(e, "fullTime");
            var fullTime = true;
            if (ft is { ValueKind: JsonValueKind.True or JsonValueKind.False } b) fullTime = b.GetBoolean();
            else if (ft is { ValueKind: not JsonValueKind.Null }) errors.Add(new InputError(p + ".fullTime", "must be true or false"));
            return start is null || kind is null ? null : new Education(start.Value, end, kind.Value, fullTime);
        });
        var requests = List(root, "supportRequests", errors, (e, p) =>
        {
            Known(e, p, errors, "date");
            var date = Date(Prop(e, "date"), p + ".date", errors, true);
            return date is null ? null : new SupportRequest(date.Value);
        });
        var housing = List(root, "housingApplications", errors, (e, p) =>
        {
            Known(e, p, errors, "applied", "decided");
            var applied = Date(Prop(e, "applied"), p + ".applied", errors, true);
            var decided = Date(Prop(e, "decided"), p + ".decided", errors, false);
            return applied is null ? null : new HousingApplication(applied.Value, decided);
        });
        if (dob is null || errors.Count > 0) return null;
        return new CareHistory(id, dob.Value, episodes, detentions, living, other, education, requests, housing);
    }

    private static JsonElement? Prop(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v : null;

    /// <summary>Every field is a known one, given once: a second "dateOfBirth" would otherwise silently win or lose.</summary>
    private static void Known(JsonElement obj, string path, List<InputError> errors, params string[] names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            var at = path.Length == 0 ? Printable.Clean(p.Name, 60) : $"{path}.{Printable.Clean(p.Name, 60)}";
            if (Array.IndexOf(names, p.Name) < 0)
                errors.Add(new InputError(at, $"unknown field (expected one of: {string.Join(", ", names)})"));
            else if (!seen.Add(p.Name))
                errors.Add(new InputError(at, $"duplicate field: '{p.Name}' is given more than once in {(path.Length == 0 ? "the document" : path)}"));
        }
    }

    private static List<T> List<T>(JsonElement root, string name, List<InputError> errors, Func<JsonElement, string, T?> item) where T : class
    {
        var result = new List<T>();
        if (!root.TryGetProperty(name, out var arr) || arr.ValueKind == JsonValueKind.Null) return result;
        if (arr.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new InputError(name, "must be a list"));
            return result;
        }
        var i = 0;
        foreach (var el in arr.EnumerateArray())
        {
            var path = $"{name}[{i++}]";
            if (el.ValueKind != JsonValueKind.Object) { errors.Add(new InputError(path, "must be an object")); continue; }
            var v = item(el, path);
            if (v is not null) result.Add(v);
        }
        return result;
    }

    private static LocalDate? Date(JsonElement? el, string path, List<InputError> errors, bool required)
    {
        if (el is null || el.Value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new InputError(path, "is required (a date, YYYY-MM-DD)"));
            return null;
        }
        if (el.Value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputError(path, "must be a date string YYYY-MM-DD"));
            return null;
        }
        var s = el.Value.GetString()!;
        var r = Iso.Parse(s);
        if (!r.Success || s.Length != 10)
        {
            errors.Add(new InputError(path, $"'{Printable.Clean(s, 60)}' is not a date (YYYY-MM-DD)"));
            return null;
        }
        if (!DateLimits.InRange(r.Value))
        {
            errors.Add(new InputError(path, DateLimits.OutOfRange(r.Value)));
            return null;
        }
        return r.Value;
    }

    private static string? Text(JsonElement? el, string path, List<InputError> errors, bool required)
    {
        if (el is null || el.Value.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new InputError(path, "is required"));
            return null;
        }
        if (el.Value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputError(path, "must be a string"));
            return null;
        }
        var s = el.Value.GetString()!.Trim();
        if (s.Length == 0 && required) errors.Add(new InputError(path, "is required"));
        return s.Length == 0 ? null : s;
    }

    private static TKind? Kind<TKind>(JsonElement? el, string path, IReadOnlyDictionary<string, TKind> kinds, List<InputError> errors) where TKind : struct
    {
        var s = Text(el, path, errors, true);
        if (s is null) return null;
        if (kinds.TryGetValue(s, out var k)) return k;
        errors.Add(new InputError(path, $"unknown kind '{Printable.Clean(s, 60)}' (expected one of: {string.Join(", ", kinds.Keys)})"));
        return null;
    }
}
