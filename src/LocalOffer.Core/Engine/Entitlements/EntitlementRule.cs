namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// One statutory entitlement's rule: on which days it holds, under which provision, with which
/// condition and amount. Its id is the entitlement's id in rules/england/entitlements.yaml.
/// Rules read like the law: the operative words of each provision are quoted beside its condition.
/// </summary>
/// <remarks>
/// An abstract class rather than an interface: the batch calls every rule for every care leaver, and
/// a virtual call costs less than an interface call at a site that sees sixteen classes (issue 14).
/// </remarks>
internal abstract class EntitlementRule
{
    public abstract string Id { get; }
    public abstract void Apply(EntitlementContext c);
}
