using LocalOffer.Core.Rules;

namespace LocalOffer.Core.Engine;

/// <summary>
/// The provisions the engine cites, each with its legislation.gov.uk address. Citations are the
/// law's own words for where a rule is; the figures a rule uses are in rules/england.
/// </summary>
internal static class Provisions
{
    private const string Ca1989 = "https://www.legislation.gov.uk/ukpga/1989/41";
    private static LegalReference Ca(string citation, string path) => new($"Children Act 1989 {citation}", $"{Ca1989}/{path}");

    public static readonly LegalReference S22 = Ca("s.22(1)", "section/22");
    public static readonly LegalReference S105 = Ca("s.105(1) (\"child\")", "section/105");
    public static readonly LegalReference Sch2Para19B = Ca("Sch 2 para 19B(2)", "schedule/2/paragraph/19B");
    public static readonly LegalReference Sch2Para19B45 = Ca("Sch 2 para 19B(4)-(5)", "schedule/2/paragraph/19B");
    public static readonly LegalReference Sch2Para19C = Ca("Sch 2 para 19C", "schedule/2/paragraph/19C");
    public static readonly LegalReference Cppcr40 = new("Care Planning, Placement and Case Review (England) Regulations 2010 reg 40", "https://www.legislation.gov.uk/uksi/2010/959/regulation/40");
    public static readonly LegalReference Cppcr42 = new("Care Planning, Placement and Case Review (England) Regulations 2010 regs 42-43", "https://www.legislation.gov.uk/uksi/2010/959/regulation/42");
    public static readonly LegalReference Cppcr48 = new("Care Planning, Placement and Case Review (England) Regulations 2010 reg 48", "https://www.legislation.gov.uk/uksi/2010/959/regulation/48");
    public static readonly LegalReference S23A = Ca("s.23A(2)", "section/23A");
    public static readonly LegalReference Clr3 = new("Care Leavers (England) Regulations 2010 reg 3", "https://www.legislation.gov.uk/uksi/2010/2571/regulation/3");
    public static readonly LegalReference Clr4to7 = new("Care Leavers (England) Regulations 2010 regs 4-7", "https://www.legislation.gov.uk/uksi/2010/2571/regulation/4");
    public static readonly LegalReference Clr9 = new("Care Leavers (England) Regulations 2010 reg 9", "https://www.legislation.gov.uk/uksi/2010/2571/regulation/9");
    public static readonly LegalReference S23B1 = Ca("s.23B(1)", "section/23B");
    public static readonly LegalReference S23B2 = Ca("s.23B(2)", "section/23B");
    public static readonly LegalReference S23B3 = Ca("s.23B(3)", "section/23B");
    public static readonly LegalReference S23B8 = Ca("s.23B(8)", "section/23B");
    public static readonly LegalReference S23C1a = Ca("s.23C(1)(a)", "section/23C");
    public static readonly LegalReference S23C1b = Ca("s.23C(1)(b)", "section/23C");
    public static readonly LegalReference S23C2 = Ca("s.23C(2)", "section/23C");
    public static readonly LegalReference S23C3a = Ca("s.23C(3)(a)", "section/23C");
    public static readonly LegalReference S23C3b = Ca("s.23C(3)(b)", "section/23C");
    public static readonly LegalReference S23C4 = Ca("s.23C(4)", "section/23C");
    public static readonly LegalReference S23C5A = Ca("s.23C(5A)", "section/23C");
    public static readonly LegalReference S23C7 = Ca("s.23C(7)", "section/23C");
    public static readonly LegalReference S23C9 = Ca("s.23C(9)", "section/23C");
    public static readonly LegalReference S23CA = Ca("s.23CA", "section/23CA");
    public static readonly LegalReference S23CA5 = Ca("s.23CA(5)", "section/23CA");
    public static readonly LegalReference S23CZA = Ca("s.23CZA", "section/23CZA");
    public static readonly LegalReference S23CZB = Ca("s.23CZB", "section/23CZB");
    public static readonly LegalReference S24_1A = Ca("s.24(1A)", "section/24");
    public static readonly LegalReference S24_2 = Ca("s.24(1B), (2)", "section/24");
    public static readonly LegalReference S24_4 = Ca("s.24(4)", "section/24");
    public static readonly LegalReference S24B = Ca("s.24B", "section/24B");
    public static readonly LegalReference S24B5 = Ca("s.24B(5)", "section/24B");
    public static readonly LegalReference S26 = Ca("s.26(3)", "section/26");
    public static readonly LegalReference S26A = Ca("s.26A", "section/26A");
    public static readonly LegalReference HeBursaryRegs = new("Children Act 1989 (Higher Education Bursary) (England) Regulations 2009 (SI 2009/2274)", "https://www.legislation.gov.uk/uksi/2009/2274/contents");
    public static readonly LegalReference PriorityNeed = new("Homelessness (Priority Need for Accommodation) (England) Order 2002 art 4", "https://www.legislation.gov.uk/uksi/2002/2051/article/4");
    public static readonly LegalReference Flra9 = new("Family Law Reform Act 1969 s.9", "https://www.legislation.gov.uk/ukpga/1969/46/section/9");
    public static readonly LegalReference Aca67 = new("Adoption and Children Act 2002 s.67", "https://www.legislation.gov.uk/ukpga/2002/38/section/67");
    public static readonly LegalReference Regime = new("Children (Leaving Care) Act 2000 (in force 1 October 2001)", "https://www.legislation.gov.uk/ukpga/2000/35/contents");
    public static readonly LegalReference Nia2002Sch3 = new("Nationality, Immigration and Asylum Act 2002 Sch 3", "https://www.legislation.gov.uk/ukpga/2002/41/schedule/3");
}
