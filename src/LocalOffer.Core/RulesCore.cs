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
        // Made on first use: building the validator's rules is start-up work that `batch` and `publish`
        // never need (they read no care history document), about 15 ms of a cold start (issue 30).
        _validator = new(() => new CareHistoryValidator(codes, law));
        _reader = new(() => new CareHistoryReader(Validator));
        Engine = new CareLeaverEngine(law, codes);
    }

    public EnglandLaw Law { get; }
    public Ssda903Codes Codes { get; }
    private readonly Lazy<CareHistoryValidator> _validator;
    private readonly Lazy<CareHistoryReader> _reader;

    public CareHistoryValidator Validator => _validator.Value;
    public CareHistoryReader Reader => _reader.Value;
    public CareLeaverEngine Engine { get; }

    public static RulesCore LoadDefault() => new(EnglandLaw.LoadDefault(), Ssda903Codes.LoadDefault());
}
