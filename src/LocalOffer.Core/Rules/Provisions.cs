namespace LocalOffer.Core.Rules;

/// <summary>
/// The provisions the engine cites, by name, each read from rules/england/provisions.yaml (the one
/// place a citation and its legislation.gov.uk address are written). A missing id fails loading.
/// </summary>
public sealed class Provisions(ProvisionBook book)
{
    public ProvisionBook Book { get; } = book;

    public LegalReference S12_2 { get; } = book.Get("ca-s12-2");
    public LegalReference S14C { get; } = book.Get("ca-s14C");
    public LegalReference S22 { get; } = book.Get("ca-s22-1");
    public LegalReference S105 { get; } = book.Get("ca-s105-1");
    public LegalReference Sch2Para19B { get; } = book.Get("ca-sch2-19B-2");
    public LegalReference Sch2Para19B45 { get; } = book.Get("ca-sch2-19B-4-5");
    public LegalReference Sch2Para19C { get; } = book.Get("ca-sch2-19C");
    public LegalReference S23A { get; } = book.Get("ca-s23A-2");
    public LegalReference S23B1 { get; } = book.Get("ca-s23B-1");
    public LegalReference S23B2 { get; } = book.Get("ca-s23B-2");
    public LegalReference S23B3 { get; } = book.Get("ca-s23B-3");
    public LegalReference S23B8 { get; } = book.Get("ca-s23B-8");
    public LegalReference S23C1a { get; } = book.Get("ca-s23C-1a");
    public LegalReference S23C1b { get; } = book.Get("ca-s23C-1b");
    public LegalReference S23C2 { get; } = book.Get("ca-s23C-2");
    public LegalReference S23C3a { get; } = book.Get("ca-s23C-3a");
    public LegalReference S23C3b { get; } = book.Get("ca-s23C-3b");
    public LegalReference S23C4 { get; } = book.Get("ca-s23C-4");
    public LegalReference S23C5A { get; } = book.Get("ca-s23C-5A");
    public LegalReference S23C7 { get; } = book.Get("ca-s23C-7");
    public LegalReference S23C9 { get; } = book.Get("ca-s23C-9");
    public LegalReference S23CA { get; } = book.Get("ca-s23CA");
    public LegalReference S23CA5 { get; } = book.Get("ca-s23CA-5");
    public LegalReference S23CZA { get; } = book.Get("ca-s23CZA");
    public LegalReference S23CZAA { get; } = book.Get("ca-s23CZAA");
    public LegalReference S23CZB { get; } = book.Get("ca-s23CZB");
    public LegalReference S24_1A { get; } = book.Get("ca-s24-1A");
    public LegalReference S24_1b { get; } = book.Get("ca-s24-1b");
    public LegalReference S24_2 { get; } = book.Get("ca-s24-2");
    public LegalReference S24_4 { get; } = book.Get("ca-s24-4");
    public LegalReference S24A { get; } = book.Get("ca-s24A");
    public LegalReference S24A2to3 { get; } = book.Get("ca-s24A-2-3");
    public LegalReference S24B { get; } = book.Get("ca-s24B");
    public LegalReference S24B5 { get; } = book.Get("ca-s24B-5");
    public LegalReference S24D { get; } = book.Get("ca-s24D-1");
    public LegalReference S26 { get; } = book.Get("ca-s26-3");
    public LegalReference S26A { get; } = book.Get("ca-s26A");
    public LegalReference S26A1a { get; } = book.Get("ca-s26A-1a");
    public LegalReference Cppcr40 { get; } = book.Get("cppcr-40");
    public LegalReference Cppcr42 { get; } = book.Get("cppcr-42-43");
    public LegalReference Cppcr48 { get; } = book.Get("cppcr-48");
    public LegalReference Clr3 { get; } = book.Get("clr-3");
    public LegalReference Clr3_2 { get; } = book.Get("clr-3-2");
    public LegalReference Clr4to7 { get; } = book.Get("clr-4-7");
    public LegalReference Clr9 { get; } = book.Get("clr-9");
    public LegalReference HeBursaryRegs { get; } = book.Get("he-bursary-regs");
    public LegalReference PriorityNeed { get; } = book.Get("priority-need-art4");
    public LegalReference PriorityNeedArt5 { get; } = book.Get("priority-need-art5");
    public LegalReference NoLocalConnection { get; } = book.Get("allocation-2025-reg2");
    public LegalReference IntentionallyHomeless { get; } = book.Get("ha1996-s191-1ZA");
    public LegalReference SharedAccommodationRate { get; } = book.Get("uc-sch4-sar");
    public LegalReference ApprenticeshipBursary { get; } = book.Get("esfa-apprenticeship-bursary");
    public LegalReference Bursary1619 { get; } = book.Get("bursary-16-19-guide");
    public LegalReference Flra9 { get; } = book.Get("flra-s9");
    public LegalReference Aca25_3 { get; } = book.Get("aca-s25-3");
    public LegalReference Aca67 { get; } = book.Get("aca-s67");
    public LegalReference Regime { get; } = book.Get("leaving-care-regime");
    public LegalReference Nia2002Sch3 { get; } = book.Get("niaa-sch3");
}
