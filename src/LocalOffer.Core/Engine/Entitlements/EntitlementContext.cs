using LocalOffer.Core.Model;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Time;
using NodaTime;

namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// What every entitlement rule reads for one young person: the timeline's spans (with the limb of
/// law behind each), the facts, and the sets of days the law's conditions name (status, age,
/// education, dates in force), each built once on first use and shared between rules.
/// </summary>
/// <remarks>
/// With a <c>window</c> (the batch asks for one day; `caseload` for the days of its window) only the days
/// inside it are produced. Every leaf set is cut to the window before the set algebra, which gives the same
/// days as cutting the result, since union, intersection and difference all commute with intersecting by a
/// window (and so does cutting a piece at death, in <see cref="Add"/>). A one-day window is read as its
/// first day (each leaf set is the window or empty); a longer one cuts each leaf set's days. Facts about
/// other dates (ever qualifying, the status when an apprenticeship started) read the uncut spans. A property
/// test holds every rule's pieces for a window to the uncut pieces cut to it.
/// </remarks>
internal sealed class EntitlementContext
{
    private DateRangeSet? _cut;
    private bool _oneDay; // the window is one day: each leaf set is the window or empty
    private readonly List<DateRange> _leaf = new(4); // a longer window's leaf set, before it is made a set
    private int _onDay;
    private readonly List<Piece> _pieces;
    private string _id = "";

    public EntitlementContext(EnglandLaw law, HistoryView history, ReadOnlySpan<Span> spans, PersonFacts facts,
        DateRange? window, List<Piece> pieces)
    {
        Law = law; _pieces = pieces;
        For(history, spans, facts, window);
    }

    /// <summary>
    /// The context made ready for another young person (the batch reuses one per thread: issue 14).
    /// The sets shared between rules are forgotten; the window's own set is kept when it is the same.
    /// </summary>
    public void For(HistoryView history, ReadOnlySpan<Span> spans, PersonFacts facts, DateRange? window)
    {
        History = history; Facts = facts;
        if (_spans.Length < spans.Length) _spans = new Span[Math.Max(spans.Length, 2 * _spans.Length)];
        spans.CopyTo(_spans);
        _spanCount = spans.Length;
        if (window != Window)
        {
            _cut = window is { } w ? DateRangeSet.Of(w) : null;
            _oneDay = window is { } x && x.End == x.Start.PlusDays(1);
        }
        Window = window;
        _onDay = window is { } d ? TimelineBuilder.IndexOn(spans, d.Start) : -1;
        ForgetSharedSets();
    }

    /// <summary>Lets go of the young person's history once the rules have run (a reused context keeps none).</summary>
    public void Release()
    {
        History = null!; Facts = null!;
        _spanCount = 0;
        if (_spans.Length > CareLeaverEngine.KeptEpisodeCapacity) _spans = []; // a hostile record's, not kept
        _pieces.Clear();
        ForgetSharedSets();
    }

    private void ForgetSharedSets() =>
        _eligible = _relevant = _formerRelevant = _fr18to21 = _fr21to25 = _continuing = _return = _offer = _s24b = null;

    public EnglandLaw Law { get; }
    public Provisions P => Law.P;
    public HistoryView History { get; private set; } = null!;
    /// <summary>The timeline (a copy: the batch's spans are in a buffer it fills again for the next child).</summary>
    public ReadOnlySpan<Span> Spans => new(_spans, 0, _spanCount);
    private Span[] _spans = [];
    private int _spanCount;
    /// <summary>The facts of the whole history (the first epoch: before any adoption is disregarded).</summary>
    public PersonFacts Facts { get; private set; } = null!;
    public DateRange? Window { get; private set; }

    /// <summary>The pieces the rules have added.</summary>
    public List<Piece> Pieces => _pieces;

    /// <summary>The rule now adding pieces (set by <see cref="EntitlementRuleSet"/>).</summary>
    public void Begin(string id) => _id = id;

    /// <summary>
    /// The entitlement holds on <paramref name="days"/> under <paramref name="basis"/>. Pieces of one
    /// id that touch are joined into one run (see <see cref="EntitlementRuns"/>); an
    /// <paramref name="instance"/> keeps separate payments (one per course) apart. Nothing is owed
    /// on or after death (REC E2).
    /// </summary>
    public void Add(DateRangeSet days, LegalReference[] basis, string? condition = null, Money? amount = null,
        int instance = 0)
    {
        var died = Facts.DeathDate;
        foreach (var r in days.Span)
        {
            var range = died is { } d && r.End > d ? new DateRange(r.Start, d) : r;
            if (!range.IsEmpty) _pieces.Add(new Piece(_id, range, basis, condition, amount, instance));
        }
    }

    // ---- leaf sets, cut to the window ----

    private DateRangeSet Day(bool holds) => holds ? _cut! : DateRangeSet.Empty;

    private enum Leaf { Status, AnyCategory, Routes }

    /// <summary>
    /// A longer window's leaf set of spans: the days of each span that passes, cut to the window (the spans follow
    /// one another in date order); the window's own set when they cover it.
    /// </summary>
    private DateRangeSet CutSpans(Leaf leaf, Status s, Route a, Route b)
    {
        var w = Window!.Value;
        _leaf.Clear();
        foreach (var x in Spans)
        {
            if (x.To <= w.Start) continue;
            if (x.From >= w.End) break;
            var holds = leaf switch
            {
                Leaf.Status => x.Status == s,
                Leaf.AnyCategory => x.Status != Engine.Status.None,
                _ => x.Route == a || x.Route == b,
            };
            if (holds) _leaf.Add(new DateRange(DateRange.Max(x.From, w.Start), DateRange.Min(x.To, w.End)));
        }
        if (_leaf.Count == 0) return DateRangeSet.Empty;
        return _leaf.Count == 1 && _leaf[0] == w ? _cut! : DateRangeSet.Of(_leaf);
    }

    /// <summary>A longer window's leaf set of one range: the window's own set when it covers it.</summary>
    private DateRangeSet CutRange(LocalDate from, LocalDate to)
    {
        var w = Window!.Value;
        var (start, end) = (DateRange.Max(from, w.Start), DateRange.Min(to, w.End));
        if (end <= start) return DateRangeSet.Empty;
        return start == w.Start && end == w.End ? _cut! : DateRangeSet.Of(start, end);
    }

    /// <summary>The days with status <paramref name="s"/>.</summary>
    public DateRangeSet Status(Status s)
    {
        if (_cut is not null)
            return _oneDay ? Day(_onDay >= 0 && Spans[_onDay].Status == s) : CutSpans(Leaf.Status, s, default, default);
        var list = new List<DateRange>(2);
        foreach (var x in Spans) if (x.Status == s) list.Add(new DateRange(x.From, x.To));
        return DateRangeSet.Of(list);
    }

    /// <summary>The days with a status other than none (looked after, or any care leaver category).</summary>
    public DateRangeSet AnyCategory()
    {
        if (_cut is not null)
            return _oneDay ? Day(_onDay >= 0 && Spans[_onDay].Status != Engine.Status.None)
                : CutSpans(Leaf.AnyCategory, default, default, default);
        var list = new List<DateRange>(4);
        foreach (var x in Spans) if (x.Status != Engine.Status.None) list.Add(new DateRange(x.From, x.To));
        return DateRangeSet.Of(list);
    }

    /// <summary>The days on which one of the given limbs of law applies.</summary>
    public DateRangeSet Routes(Route a, Route b)
    {
        if (_cut is not null)
            return _oneDay ? Day(_onDay >= 0 && (Spans[_onDay].Route == a || Spans[_onDay].Route == b))
                : CutSpans(Leaf.Routes, default, a, b);
        var list = new List<DateRange>(2);
        foreach (var x in Spans) if (x.Route == a || x.Route == b) list.Add(new DateRange(x.From, x.To));
        return DateRangeSet.Of(list);
    }

    /// <summary>From one date to another (birthdays, academic years).</summary>
    public DateRangeSet Between(LocalDate from, LocalDate to) =>
        _cut is null ? DateRangeSet.Of(from, to)
        : _oneDay ? Day(from <= Window!.Value.Start && Window.Value.Start < to) : CutRange(from, to);

    /// <summary>From a commencement date on; empty for a prospective provision (null).</summary>
    public DateRangeSet InForce(LocalDate? from) =>
        _cut is null ? DateRangeSet.From(from)
        : _oneDay ? Day(from is { } x && x <= Window!.Value.Start)
        : from is { } y ? CutRange(y, LocalDate.MaxIsoValue) : DateRangeSet.Empty;

    /// <summary>The days in education or training of the kinds chosen (open spells run to 25).</summary>
    public DateRangeSet Education(Func<Education, bool> which)
    {
        var h = History;
        if (h.Education.Count == 0) return DateRangeSet.Empty;
        var list = new List<DateRange>(h.Education.Count);
        for (var i = 0; i < h.Education.Count; i++)
            if (which(h.Education[i])) list.Add(new DateRange(h.Education[i].Start, h.Education[i].End ?? Facts.B25));
        if (list.Count == 0) return DateRangeSet.Empty;
        var all = DateRangeSet.Of(list).Intersect(Facts.Dob, Facts.B25);
        return _cut is null ? all : all.Intersect(_cut);
    }

    /// <summary>A range cut to the window (for rules that build their own ranges).</summary>
    public DateRangeSet Days(DateRange r) => _cut is null ? DateRangeSet.Of(r) : DateRangeSet.Of(r).Intersect(_cut);

    // ---- facts about other dates than the window's (uncut) ----

    public Status StatusOn(LocalDate d) =>
        TimelineBuilder.IndexOn(Spans, d) is var i and >= 0 ? Spans[i].Status : Engine.Status.None;

    public bool EverRoute(Route a, Route b)
    {
        foreach (var x in Spans) if (x.Route == a || x.Route == b) return true;
        return false;
    }

    // ---- sets the law's conditions name, shared by several rules ----

    private DateRangeSet? _eligible, _relevant, _formerRelevant, _fr18to21, _fr21to25;
    private DateRangeSet? _continuing, _return, _offer, _s24b;
    public DateRangeSet Eligible => _eligible ??= Status(Engine.Status.Eligible);
    public DateRangeSet Relevant => _relevant ??= Status(Engine.Status.Relevant);
    public DateRangeSet FormerRelevant => _formerRelevant ??= Status(Engine.Status.FormerRelevant);
    public DateRangeSet FormerRelevant18To21 => _fr18to21 ??= FormerRelevant.Intersect(Facts.B18, Facts.B21);
    public DateRangeSet FormerRelevant21To25 => _fr21to25 ??= FormerRelevant.Intersect(Facts.B21, Facts.B25);

    /// <summary>
    /// s.23C(7): former relevant from 21 while "the programme of education or training" in the
    /// pathway plan continues: a spell begun before the 21st birthday.
    /// </summary>
    public DateRangeSet ContinuingProgramme => _continuing ??= History.Education.Count == 0
        ? DateRangeSet.Empty // and no closure made
        : FormerRelevant21To25.Intersect(Education(e => e.Start < Facts.B21));

    /// <summary>
    /// s.23CA: former relevant from 21 who "informs the responsible local authority that he is
    /// pursuing, or wishes to pursue, a programme of education or training" (from 1 April 2011):
    /// here, in a spell recorded as begun at 21 or over.
    /// </summary>
    public DateRangeSet EducationReturn => _return ??= FormerRelevant21To25.Intersect(Education(_ => true))
        .Intersect(InForce(Law.EducationReturnStart)).Except(ContinuingProgramme);

    /// <summary>
    /// s.23CZB(1): former relevant aged 21 to 25 to whom s.23C(7) and s.23CA do not apply (from 1 April 2018).
    /// </summary>
    public DateRangeSet To25Offer => _offer ??= FormerRelevant21To25.Intersect(InForce(Law.PersonalAdviserTo25Start))
        .Except(ContinuingProgramme).Except(EducationReturn);

    /// <summary>The first request for advice and support made at 21 or over (s.23CZB(2)), if recorded.</summary>
    public LocalDate? FirstRequestFrom21()
    {
        LocalDate? first = null;
        foreach (var r in History.SupportRequests)
            if (r.Date >= Facts.B21 && (first is null || r.Date < first)) first = r.Date;
        return first;
    }

    /// <summary>
    /// s.24B(1)-(2), (5): a person qualifying by s.24(1A) (special guardianship) or s.24(2)(a)
    /// (looked after by a council), to 25 "or would have done so if he were under twenty-one". Not
    /// private fostering, voluntary organisations, private children's homes or health, education or
    /// care home accommodation. Former relevant days are left out: their own duties apply.
    /// </summary>
    public DateRangeSet S24BPerson => _s24b ??= Routes(Route.QualifyingSpecialGuardianship, Route.QualifyingCouncilCare)
        .Union(EverRoute(Route.QualifyingSpecialGuardianship, Route.QualifyingCouncilCare)
            ? Between(Facts.B21, Facts.B25).Except(FormerRelevant) : DateRangeSet.Empty);
}

/// <summary>One provision's days of one entitlement, before runs are joined.</summary>
internal readonly record struct Piece(string Id, DateRange Range, LegalReference[] Basis, string? Condition,
    Money? Amount, int Instance);
