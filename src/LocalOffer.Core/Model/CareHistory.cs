using NodaTime;

namespace LocalOffer.Core.Model;

/// <summary>
/// One young person's care history: the public input of the rules core (the JSON "care history
/// document"). Every list may be empty. Period ends are exclusive, as SSDA903 DEC is: the end date
/// is the first day on which the period no longer applies. A null end means "still continuing".
/// </summary>
public sealed record CareHistory(
    string? Id,
    LocalDate DateOfBirth,
    IReadOnlyList<Episode> Episodes,
    IReadOnlyList<Detention> Detentions,
    IReadOnlyList<LivingWithParent> LivingWithParent,
    IReadOnlyList<OtherCare> OtherCare,
    IReadOnlyList<Education> Education,
    IReadOnlyList<SupportRequest> SupportRequests,
    IReadOnlyList<HousingApplication> HousingApplications)
{
    public static CareHistory Of(LocalDate dateOfBirth, params Episode[] episodes) =>
        new(null, dateOfBirth, episodes, [], [], [], [], [], []);
}

/// <summary>A period looked after by a local authority, with its SSDA903 codes (LS, PLACE, REC).</summary>
public sealed record Episode(LocalDate Start, LocalDate? End, string LegalStatus, string? Placement = null, string? ReasonEnded = null);

public enum DetentionKind { Custody, Hospital }

/// <summary>Detained (custody, remand centre, YOI, secure training centre) or in hospital.</summary>
/// <param name="CareOrderDischarged">
/// The care order was discharged when the detention began. Without it a child whose care order episode
/// ended that day stays looked after while the order stands (CA 1989 s.22(1)(a)); with it, CLR 2010
/// reg 3(2) ("not subject to a care order") can make her relevant.
/// </param>
public sealed record Detention(LocalDate Start, LocalDate? End, DetentionKind Kind, bool CareOrderDischarged = false);

/// <summary>Living with a parent or person with parental responsibility (CLR 2010 reg 3(3)).</summary>
public sealed record LivingWithParent(LocalDate Start, LocalDate? End);

public enum OtherCareKind { PrivateFostering, VoluntaryOrganisation, PrivateChildrensHome, HealthOrEducationAccommodation, CareHomeOrHospital }

/// <summary>Care other than by a local authority, relevant to CA 1989 s.24(2).</summary>
public sealed record OtherCare(LocalDate Start, LocalDate? End, OtherCareKind Kind);

public enum EducationKind { HigherEducation, FurtherEducation, Apprenticeship, Training }

public sealed record Education(LocalDate Start, LocalDate? End, EducationKind Kind, bool FullTime);

/// <summary>A date the young person asked for personal adviser support after 21 (CA 1989 s.23CZB).</summary>
public sealed record SupportRequest(LocalDate Date);

/// <summary>
/// An application for help as homeless (Housing Act 1996 s.183(1)): the date it was made and, once made, the
/// date the housing authority decided whether the applicant is eligible for assistance and what duty it owes
/// (s.184(1)(a)-(b)). Whether the protection from being found intentionally homeless (s.191(1ZA)-(1C), from
/// the Children's Wellbeing and Schools Act 2026 s.9) covers an application turns on these two dates (s.9(2)).
/// </summary>
public sealed record HousingApplication(LocalDate Applied, LocalDate? Decided);
