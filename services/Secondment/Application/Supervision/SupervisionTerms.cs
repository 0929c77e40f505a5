using System.Globalization;

namespace Ducha.Secondment.Application.Supervision;

/// <summary>How many working days 督办监察组 has to act on a supervision request (<c>Secondment:SupervisionWorkingDays</c>).</summary>
public sealed record SupervisionTerms(int WorkingDays)
{
    public const string Setting = "Secondment:SupervisionWorkingDays";
    public const int DefaultWorkingDays = 5;

    /// <summary>Read at start; a value that is not a whole number of 1 to 60 days stops the service rather than give odd deadlines.</summary>
    public static SupervisionTerms From(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text)) return new(DefaultWorkingDays);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 60)
            throw new InvalidOperationException($"{Setting} must be a whole number of working days from 1 to 60; it is '{text}'.");
        return new(days);
    }
}
