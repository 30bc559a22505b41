using LocalOffer.Core.Engine;
using LocalOffer.Core.Input;
using LocalOffer.Core.Rules;

namespace LocalOffer.Core;

/// <summary>
/// The rules core, loaded once: the law (dated YAML), the SSDA903 codes, the reader for care
/// history documents and the engine. Offers, batch runs and the web app all use this one instance.
/// </summary>
public sealed class RulesCore
{
    public RulesCore(EnglandLaw law, Ssda903Codes codes)
    {
        Law = law;
        Codes = codes;
        Validator = new CareHistoryValidator(codes, law);
        Reader = new CareHistoryReader(Validator);
        Engine = new CareLeaverEngine(law, codes);
    }

    public EnglandLaw Law { get; }
    public Ssda903Codes Codes { get; }
    public CareHistoryValidator Validator { get; }
    public CareHistoryReader Reader { get; }
    public CareLeaverEngine Engine { get; }

    public static RulesCore LoadDefault() => new(EnglandLaw.LoadDefault(), Ssda903Codes.LoadDefault());
}
