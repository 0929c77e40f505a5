namespace Ducha.BuildingBlocks;

/// <summary>
/// The dates a caller may give (a filter, a deadline, an Open311 start_date). Anything a parser reads is not yet a date
/// Ducha can use: 0001-01-01 and 9999-12-31 parse, yet their Beijing midnight or the day after lies outside what
/// <see cref="DateTimeOffset"/> holds, and a query or a deadline built on them failed as an internal error. Every
/// date from input is checked against this one range first and refused naming its field; the range is far wider
/// than any case or record needs, so no real request meets its ends.
/// </summary>
public static class InputDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>How a refusal states the range: "must be a date between 1900-01-01 and 2199-12-31".</summary>
    public const string Range = "between 1900-01-01 and 2199-12-31";

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>By the date as written, whatever its offset or kind.</summary>
    public static bool Contains(DateTime dateTime) => Contains(DateOnly.FromDateTime(dateTime));
}
