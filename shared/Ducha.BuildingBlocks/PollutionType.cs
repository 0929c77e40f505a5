namespace Ducha.BuildingBlocks;

/// <summary>
/// What a problem pollutes, in the one vocabulary every service speaks: an exposed problem becomes a case of its type,
/// and statistics across services add up. Values match each service's proto enum (cases, exposure).
/// </summary>
public enum PollutionType
{
    Air = 1,
    Water = 2,
    Noise = 3,
    Soil = 4,
    SolidWaste = 5,
    Ecology = 6,
    Other = 7,
}
