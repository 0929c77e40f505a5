using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Ducha.AppHost.Infrastructure;

/// <summary>
/// <c>Telemetry:TraceSampleRatio</c>: the share of traces the services record, from 0 to 1. Aspire tells every project to
/// record every trace (<c>OTEL_TRACES_SAMPLER=always_on</c>), which suits a developer following one request; under load
/// the development dashboard ingesting every span costs more CPU than the services it watches. With a ratio set, a trace
/// begun in a service is kept at that ratio and a trace begun upstream keeps the caller's decision, so a kept trace is
/// kept whole. Unset leaves Aspire's choice.
/// </summary>
public static class TraceSampling
{
    public const string SettingName = "Telemetry:TraceSampleRatio";

    public static double? Ratio(IConfiguration configuration)
    {
        var text = configuration[SettingName]?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1) return ratio;
        throw new InvalidOperationException($"{SettingName} is '{text}'; give a share of traces from 0 to 1, such as 0.1, or leave it unset to record every trace.");
    }

    /// <summary>Passed as the OpenTelemetry SDK's own variables, which it reads at start; added after Aspire's, so they win.</summary>
    public static IResourceBuilder<T> WithTraceSampling<T>(this IResourceBuilder<T> resource, double? ratio) where T : IResourceWithEnvironment =>
        ratio is not { } share ? resource : resource
            .WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
            .WithEnvironment("OTEL_TRACES_SAMPLER_ARG", share.ToString(CultureInfo.InvariantCulture));
}
