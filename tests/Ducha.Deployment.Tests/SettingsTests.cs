using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ducha.EventBus;

namespace Ducha.Deployment.Tests;

/// <summary>
/// Every variable a service's pod sets is a setting the services read, as the README's settings table lists them;
/// secrets come from Secrets; the bus is the dapr transport.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed partial class SettingsTests(ManifestsFixture manifests)
{
    /// <summary>
    /// The settings the services read, spelt as the README's table spells them (a &lt;name&gt; stands for a service
    /// name). The tests below hold this list and the README's table equal, so neither can grow alone.
    /// </summary>
    private static readonly string[] KnownSettings =
    [
        "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "DUCHA_DATA_DIR", "ConnectionStrings__casesdb", "Database__MigrateOnStartup", "EventBus__Transport",
        "ConnectionStrings__rabbitmq", "EventBus__PubSubName", "EventBus__MaxDeliveryAttempts", "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_SERVICE_NAME", "Cases__ReportingMarginWorkingDays", "Reference__CalendarFile",
        "Cases__RepeatWindowDays", "Cases__ReminderWorkingDays", "Cases__DeadlineWatchInterval", "Cases__ReporterKey",
        "Identity__SigningKey", "Identity__Issuer", "Identity__Audience", "Identity__Authority", "Identity__Claims__Jurisdiction",
        "Identity__Claims__Level", "Identity__Claims__Role", "Identity__Claims__Unit", "Identity__Claims__Name", "Identity__ServiceSigningKey",
        "Identity__ServiceKeys__<name>", "Identity__Console__ClientId", "Identity__Console__ClientSecret",
        "services__<name>__http__0", "Health__RefreshPeriod",
        "Grpc__UnreadableMessages__LogInterval", "Disclosure__PublicSite__BaseUrl", "Disclosure__PublicSite__MaxAge",
        "Exposure__CaseOpenerPollInterval", "Disclosure__FactsFetcherPollInterval", "Disclosure__BulletinWatchInterval",
        "Secondment__SupervisionWorkingDays",
        "Secondment__TermLimitDays", "Secondment__RotationReminderDays", "Standalone__ClockStart",
    ];

    private static readonly string[] ServiceNames = ["cases", "exposure", "assessment", "secondment", "disclosure"];

    /// <summary>
    /// A known setting as a pattern: casesdb stands for every service's database and the console's, &lt;name&gt; for any
    /// service.
    /// </summary>
    private static bool IsKnown(string variable) => KnownSettings.Any(known =>
        Regex.IsMatch(variable, "^" + Regex.Escape(known)
            .Replace("casesdb", $"({string.Join('|', ServiceNames)}|webconsole)db", StringComparison.Ordinal)
            .Replace("<name>", $"({string.Join('|', ServiceNames)})", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));

    [Fact]
    public void The_README_settings_table_lists_exactly_the_known_settings()
    {
        var readme = File.ReadAllText(Path.Combine(ManifestsFixture.RepositoryRoot, "README.md"));
        var section = SettingsSection().Match(readme);
        Assert.True(section.Success, "README.md has no '## Settings' section with a table");
        var firstColumns = section.Groups["table"].Value.Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('|')[1]).ToList();
        var named = firstColumns.SelectMany(c => BacktickedSetting().Matches(c).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

        // OTEL_EXPORTER_OTLP_PROTOCOL is explained in OTEL_EXPORTER_OTLP_ENDPOINT's row rather than in a row of its own.
        Assert.Contains("`OTEL_EXPORTER_OTLP_PROTOCOL`", section.Value, StringComparison.Ordinal);
        named.Add("OTEL_EXPORTER_OTLP_PROTOCOL");
        Assert.Equal(KnownSettings.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_known_bus_settings_are_properties_of_EventBusOptions()
    {
        foreach (var setting in KnownSettings.Where(s => s.StartsWith(EventBusOptions.SectionName + "__", StringComparison.Ordinal)))
            Assert.NotNull(typeof(EventBusOptions).GetProperty(setting[(EventBusOptions.SectionName.Length + 2)..]));
    }

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Every_variable_a_service_or_console_pod_sets_is_a_setting_the_services_read(string overlay)
    {
        var unknown = manifests[overlay].Services.Append(manifests[overlay].Find("Deployment", "webconsole"))
            .SelectMany(s => manifests[overlay].Variables(s).Select(v => $"{RenderedOverlay.NameOf(s)}: {v.Name}"))
            .Where(v => !IsKnown(v[(v.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToList();

        Assert.True(unknown.Count == 0, "Set but read by no service (or missing from README's settings): " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(ManifestsFixture.Overlays), MemberType = typeof(ManifestsFixture))]
    public void Each_service_uses_the_dapr_bus_its_own_PostgreSQL_database_and_keys_from_Secrets(string overlay)
    {
        var rendered = manifests[overlay];
        foreach (var service in rendered.Services)
        {
            var name = RenderedOverlay.NameOf(service);
            var variables = rendered.Variables(service).ToDictionary(v => v.Name, StringComparer.Ordinal);

            Assert.Equal("dapr", variables["EventBus__Transport"].Value);
            Assert.Equal($"http://otel-collector:{CollectorGrpcPort(rendered)}", variables["OTEL_EXPORTER_OTLP_ENDPOINT"].Value);
            Assert.True(variables[$"ConnectionStrings__{name}db"].FromSecret, $"{name}: its connection string carries a password");
            // The shared key from a Secret, or (components/provider-identity) none at all: ProviderIdentityTests.
            if (ProviderIdentityTests.UsesProvider(overlay)) Assert.DoesNotContain("Identity__SigningKey", variables.Keys);
            else Assert.True(variables["Identity__SigningKey"].FromSecret, $"{name}: Identity__SigningKey");
            Assert.DoesNotContain("DUCHA_DATA_DIR", variables.Keys);
            Assert.DoesNotContain(variables.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && k != $"ConnectionStrings__{name}db");
            if (name == "cases") Assert.True(variables["Cases__ReporterKey"].FromSecret, "Cases__ReporterKey");
            Assert.All(variables.Values.Where(v => !v.FromSecret), v => Assert.DoesNotMatch("(?i)key$|password", v.Name));
        }
    }

    private static int CollectorGrpcPort(RenderedOverlay rendered) =>
        (int)rendered.Find("Service", "otel-collector")["spec"]!["ports"]!.AsArray().Single(p => (string?)p!["name"] == "otlp-grpc")!["port"]!;

    [GeneratedRegex(@"^## Settings\n(?<table>(.|\n)*?)\n## ", RegexOptions.Multiline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SettingsSection();

    [GeneratedRegex(@"`([A-Za-z_<>0-9]*_[A-Za-z_<>0-9]*)`", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BacktickedSetting();
}
