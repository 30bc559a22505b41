namespace LocalOffer.Core.Engine.Entitlements;

/// <summary>
/// One statutory entitlement's rule: on which days it holds, under which provision, with which
/// condition and amount. Its id is the entitlement's id in rules/england/entitlements.yaml.
/// Rules read like the law: the operative words of each provision are quoted beside its condition.
/// </summary>
internal interface IEntitlementRule
{
    string Id { get; }
    void Apply(EntitlementContext c);
}
