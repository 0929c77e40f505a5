using System.Globalization;
using Ducha.Reference.Calendar;
using Ducha.Reference.Jurisdictions;

namespace Ducha.Cases.Domain;

/// <summary>
/// The register of one jurisdiction's handling units: the template's departments, plus what its office registered, less
/// what it retired. Only that jurisdiction's own office changes it; a retired unit stays in the register (its cases keep
/// naming it) but is assigned no new case, and its staff may read their earlier cases but no longer act on them.
/// </summary>
public sealed class UnitRegister
{
    public const int MaxNameLength = 100;

    private readonly List<UnitChange> _changes;
    private List<HandlingUnit> _units = [];

    public UnitRegister(Jurisdiction jurisdiction, IEnumerable<UnitChange> changes)
    {
        Jurisdiction = jurisdiction;
        _changes = [.. changes.Where(c => c.JurisdictionCode == jurisdiction.Code).OrderBy(c => c.At).ThenBy(c => c.Version)];
        Rebuild();
    }

    public Jurisdiction Jurisdiction { get; }

    /// <summary>Template units in template order, then the units the office added, in the order it first registered them.</summary>
    public IReadOnlyList<HandlingUnit> Units => _units;

    public HandlingUnit? Find(string name) => _units.FirstOrDefault(u => u.Name == name);

    /// <summary>What a unit's name must be: its full name (虎丘区生态环境局), which also stands in a REST path.</summary>
    public static IReadOnlyList<FieldViolation> NameViolations(string? name, string field = "name")
    {
        if (string.IsNullOrWhiteSpace(name)) return [new(field, "is required")];
        if (name.Trim().Length > MaxNameLength) return [new(field, $"must be at most {MaxNameLength} characters")];
        if (name.Any(c => c is '/' or ':' || char.IsControl(c))) return [new(field, "must not contain '/', ':' or control characters (it is part of the unit's REST path)")];
        return [];
    }

    /// <summary>Refused unless <paramref name="actor"/> is the office of this very jurisdiction: not a higher office, not a lower one.</summary>
    public void EnsureKeptBy(Actor actor, string action)
    {
        if (actor.Is(Role.Office) && actor.JurisdictionCode == Jurisdiction.Code) return;
        throw new PermissionDeniedException(
            $"{action}: the units of {Describe()} are kept by its own office; a {actor.Role.Name()} at {actor.JurisdictionCode} may not change them.");
    }

    /// <summary>Adds a unit, or brings a retired one back; a name already active is refused.</summary>
    public UnitChange Register(string name, Actor actor, DateTimeOffset now)
    {
        EnsureKeptBy(actor, "RegisterUnit");
        if (Find(name) is { Active: true } existing)
            throw new DomainRuleException($"{name} is already an active unit of {Describe()}" +
                (existing.FromTemplate ? " (one of the standard departments)." : "."), "name");
        return Append(name, UnitChangeKind.Registered, actor, null, now);
    }

    /// <summary>Retires an active unit that holds no open case: a unit holding one reports or returns it first.</summary>
    /// <param name="openCases">How many open cases the unit holds now.</param>
    public UnitChange Retire(string name, string? reason, int openCases, Actor actor, DateTimeOffset now)
    {
        EnsureKeptBy(actor, "RetireUnit");
        var unit = Find(name) ?? throw new EntityNotFoundException("Unit", $"{Jurisdiction.Code}/{name}");
        if (!unit.Active)
            throw new DomainRuleException($"{name} was already retired on {DateOf(unit.RetiredAt)}.", "name");
        if (openCases > 0)
            throw new DomainRuleException($"{name} holds {openCases} open case(s); it reports on or returns them before it is retired.", "name");
        return Append(name, UnitChangeKind.Retired, actor, reason, now);
    }

    /// <summary>转 to a unit: it must be an active unit of this register (the holder's jurisdiction).</summary>
    public void EnsureAssignable(string name, string field = "handling_unit")
    {
        if (Find(name) is { Active: true }) return;
        var what = Find(name) is { } retired ? $"was retired on {DateOf(retired.RetiredAt)} and is no longer" : "is not";
        throw new RequestValidationException(field, $"'{name}' {what} an active unit of {Describe()}; its units are listed by " +
            $"Units/ListUnits (GET /v1/jurisdictions/{Jurisdiction.Code}/units), and its office registers new ones (Units/RegisterUnit)");
    }

    /// <summary>
    /// A handler acts for a registered unit of its own jurisdiction: an active one to change a case, any (also a retired
    /// one) to read the cases it had.
    /// </summary>
    public void EnsureStaffOf(string unit, string action, bool acting)
    {
        switch (Find(unit))
        {
            case null:
                throw new PermissionDeniedException($"{action}: the caller's unit '{unit}' is not a registered unit of {Describe()}; " +
                    $"see GET /v1/jurisdictions/{Jurisdiction.Code}/units for its units, or ask its office to register it.");
            case { Active: false } retired when acting:
                throw new PermissionDeniedException($"{action}: the caller's unit '{unit}' was retired on {DateOf(retired.RetiredAt)}; " +
                    "its staff may read its earlier cases but no longer act on them.");
        }
    }

    private UnitChange Append(string name, UnitChangeKind kind, Actor actor, string? reason, DateTimeOffset now)
    {
        var change = new UnitChange
        {
            JurisdictionCode = Jurisdiction.Code, Name = name, Version = _changes.Count(c => c.Name == name) + 1, Kind = kind, At = now,
            By = actor.Subject, Reason = reason,
        };
        _changes.Add(change);
        Rebuild();
        return change;
    }

    private void Rebuild()
    {
        var template = UnitTemplate.For(Jurisdiction);
        var names = template.Concat(_changes.Select(c => c.Name)).Distinct().ToList();
        _units = [.. names.Select(name => State(name, template.Contains(name)))];
    }

    private HandlingUnit State(string name, bool fromTemplate)
    {
        var unit = new HandlingUnit(Jurisdiction.Code, name, fromTemplate, Active: fromTemplate);
        foreach (var change in _changes.Where(c => c.Name == name).OrderBy(c => c.Version))
            unit = change.Kind == UnitChangeKind.Registered
                ? unit with { Active = true, RegisteredAt = change.At, RegisteredBy = change.By, RetiredAt = null, RetiredBy = null, RetireReason = null }
                : unit with { Active = false, RetiredAt = change.At, RetiredBy = change.By, RetireReason = change.Reason };
        return unit;
    }

    private string Describe() => $"{Jurisdiction.Name} ({Jurisdiction.Code})";

    private static string DateOf(DateTimeOffset? at) => at is { } value ? BeijingTime.DateOf(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "an unknown day";
}
